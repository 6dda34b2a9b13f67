# Tableau de suivi (output/index.html et l’index.html de chaque mission), dans la langue de
# ses lecteurs : `[board] locale` dans rules.toml, en-US par défaut. Les documents listés
# gardent la langue de leur mission. États des factures et tranches d’échéance : statement.ftl.
# Référence : templates/locales/en-US/board.ftl.

## Mots communs aux deux pages.
board_final = finalisé
board_draft = brouillon
board_blocked = bloqué
board_not_started = non commencé
board_none = aucun
board_none_sentence = Aucun.
board_engagement = Mission
board_client = Client
board_stage = Phase
board_owner = Responsable
board_document = Document
board_ask = Interlocuteur
board_owed = Montants dus
board_next = Prochaine étape

## Le portefeuille (output/index.html).
board_title = docket : missions
board_engagements = Missions
board_needs_script = Cette page a besoin de JavaScript pour lister les missions ; la page propre à chaque mission (l’index.html de son dossier) fonctionne sans.
board_find = Filtres
board_search = Rechercher
board_search_placeholder = mission, client, responsable, approbation
board_all_clients = Tous les clients
board_all_stages = Toutes les phases
board_decision = Décision
board_any_decision = Toutes les décisions
board_has_blocked = avec un blocage
board_has_draft = avec un brouillon
board_has_final = avec un document finalisé
board_has_not_started = avec des phases non commencées
board_all_owners = Tous les responsables
board_portfolio = Portefeuille
board_portfolio_caption = Une ligne par mission, une colonne par phase du cycle de vie et pour la validation sécurité : ✓ finalisé, ✎ brouillon, ✕ bloqué, en pointillés : non commencé.
board_waiting_on = En attente
board_waiting_caption = Chaque document en brouillon ou bloqué, avec ce qu’il attend et à qui s’adresser, du plus ancien au plus récent.
board_since = Depuis
board_days = Jours
board_waits_for = Attend
# La ligne au-dessus du portefeuille ; la page met les chiffres à jour selon les filtres.
board_counts = { $shown } sur { $total } missions ; documents finalisés : { $final }, en brouillon : { $draft }, bloqués : { $blocked }
board_nothing_owed = Aucun montant dû : toutes les factures émises sont payées ou annulées par avoir.
board_owed_caption = { $open } restant dû, { $overdue } échu, sur { $count ->
    [one] { $count } mission
   *[other] { $count } missions
}
board_aging_of = Balance âgée des montants restant dus en { $currency }
# Le montant restant dû d’une ligne, avec sa part échue.
board_owed_past_due = { $open } ({ $overdue } échu depuis { $days ->
    [one] { $days } jour
   *[other] { $days } jours
})
board_document_locale = Langue des documents : { $locale }

## La page d’une mission.
board_all_engagements = Toutes les missions
board_lifecycle_stage = Phase du cycle de vie
board_next_owner = responsable : { $owner }
board_warning = Avertissement :
board_blockers = Points bloquants
board_holds_up = Élément bloqué
board_blocker = Point bloquant
board_invoices = Factures
board_invoice = Facture
board_state = État
board_issued = Émise le
board_due = Échéance
board_days_overdue = Jours de retard
board_amount = Montant
board_paid = Payé
board_credited = Avoirs
board_open = Reste dû
board_reminders_sent = Relances envoyées
board_no_invoice = Aucune facture émise pour l’instant.
board_stages = Phases
board_where_it_stands = Avancement
board_gate_before_next = Jalon avant la phase suivante
board_current = (en cours)
board_documents = Documents
board_page_one_of = Page 1 du document « { $title } »
board_approvals = Approbations
board_gate = Jalon
board_counts_as = Statut effectif
board_recorded = Enregistrée
board_approver = Approbateur
board_permits = Autorise
board_evidence = Justificatif
board_scope = Périmètre
board_note = Remarque
board_none_named = non désigné
board_tracks = Chantiers
board_track = Chantier
board_status = Statut
board_open_questions = Questions ouvertes
board_question_tbd = { $field } reste à préciser (TBD)

## Signed approvals and requests.
board_unverified = Les approbations ne sont pas vérifiées : les règles de ce dossier acceptent un approbateur nommé et une preuve sur parole (trust = "evidence"). Signez les approbations pour les vérifier.
board_signed_by = signé par
board_attesting = attestant
board_requests = Demandes
board_requests_intro = Demandées, non approuvées : chacune compte une fois signée par une personne habilitée.
board_asks_for = Demande
board_asked_by = Demandé par
board_why = Motif
board_can_grant = Peut accorder
board_they_run = Commande
board_nobody = personne dans la liste
