# Le contrat (templates/agreement.md, agreement.typ). Référence : templates/locales/en-US/agreement.ftl.

## En-tête.
agreement_heading = Contrat
agreement_number = N° de contrat
agreement_date = Date
agreement_accepts_proposal = Proposition acceptée
agreement_accepts_proposal_line = Le présent contrat vaut acceptation de la proposition { $proposal }.
# Espace insécable avant le deux-points.
agreement_label_colon = { $label } :

## Les parties.
agreement_parties = Parties
# Les raisons sociales (en gras), chacune suivie de son adresse (« , rue, ville » ou vide) ; le modèle ajoute le point.
agreement_parties_sentence = Le présent contrat est conclu entre { $provider } (le prestataire){ $provider_address } et { $client } (le client){ $client_address }

## Les clauses.
agreement_terms = Conditions
agreement_scope = Périmètre
agreement_term = Durée
agreement_fees = Prix et paiement
agreement_fees_text = Le client verse au prestataire un prix forfaitaire. L’acompte est exigible à la signature du présent contrat.
agreement_item = Poste
agreement_amount = Montant
agreement_fixed_fee = Prix forfaitaire
agreement_deposit_due = Acompte exigible à la signature
agreement_deposit_received = Acompte reçu
agreement_exclusions = Exclusions
agreement_not_covered = Le présent contrat ne couvre pas :
agreement_precedence = Ordre de priorité
agreement_precedence_text = Le présent contrat vaut acceptation de la proposition { $proposal }. En cas de contradiction, le présent contrat prévaut.
agreement_launch = Mise en service
agreement_launch_text = Le présent contrat n’autorise pas à lui seul la mise en service ; celle-ci requiert la validation de sécurité.

## Signatures.
agreement_signatures = Signatures
agreement_signed_for_each = Signé pour chaque partie par son représentant dûment habilité.
agreement_no_signatories = Aucun signataire enregistré.
agreement_party = Partie
agreement_for = Pour
agreement_signature = Signature
agreement_name = Nom
agreement_job_title = Fonction
agreement_signed_on = Signé le
agreement_signature_date = Date
