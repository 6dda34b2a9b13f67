# L’avenant (templates/change-order.md, change-order.typ). Référence : templates/locales/en-US/change-order.ftl.

## En-tête et ce qui est modifié.
change_order_heading = Avenant
change_order_number = N° d’avenant
change_order_date = Date
change_order_requested_by = Demandé par
change_order_client = Client
change_order_amends = Modifie
# Après « Modifie » et « Ajoute » (le PDF met la première lettre en majuscule), puis la clé du périmètre.
change_order_signed_scope = le périmètre signé
change_order_adds = Ajoute
change_order_new_scope = un nouveau périmètre
# Espace insécable avant le deux-points.
change_order_label_colon = { $label } :

## Les modifications et leurs incidences.
change_order_changes = Modifications par rapport au périmètre signé
change_order_no_changes = Aucune modification indiquée.
change_order_impact = Incidences
change_order_price_impact = Incidence sur le prix
change_order_schedule_impact = Incidence sur le calendrier
change_order_to_be_agreed = À convenir avant que le présent avenant puisse être approuvé.

## Approbations et questions ouvertes.
change_order_approvals = Approbations
change_order_approvals_missing = Approbations manquantes
change_order_approved = approuvé
change_order_all_approved = Toutes les approbations sont à jour.
change_order_not_approved = Pas encore approuvé.
change_order_still_missing = Manquent encore :
change_order_open_questions = Questions ouvertes

## Les chantiers de ce périmètre.
change_order_tracks = Chantiers de ce périmètre
change_order_track = Chantier
change_order_status = Statut
change_order_owner = Responsable
change_order_blocker = Blocage
change_order_no_blocker = Aucun
change_order_prepared_by = Établi par { $name }.

## Acceptation.
change_order_acceptance = Acceptation
change_order_acceptance_text = Par sa signature, le client accepte les modifications ci-dessus et leurs incidences comme modification du périmètre signé ; d’ici là, le périmètre signé reste inchangé.
change_order_accepted_for_client = Accepté pour le client
change_order_for_provider = Pour le prestataire
change_order_party = Partie
change_order_signature = Signature
change_order_name_and_title = Nom et fonction
change_order_signature_date = Date
change_order_signature_name_title = Signature · nom et fonction

## A track's status as the data names it (`status = "draft-only"`); a status not listed
## here is printed as written.
change_order_status_active = actif
change_order_status_blocked = bloqué
change_order_status_draft-only = brouillon uniquement
change_order_status_done = terminé
