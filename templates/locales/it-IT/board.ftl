# Quadro di stato (output/index.html e l’index.html di ogni incarico), nella lingua di chi lo
# legge: `[board] locale` in rules.toml, en-US se non indicato. I documenti elencati mantengono
# la lingua del proprio incarico. Stati delle fatture e fasce di scadenza: statement.ftl.
# Riferimento: templates/locales/en-US/board.ftl.

## Parole comuni alle due pagine.
board_final = definitivo
board_draft = bozza
board_blocked = bloccato
board_not_started = non iniziato
board_none = nessuno
board_none_sentence = Nessuno.
board_engagement = Incarico
board_client = Cliente
board_stage = Fase
board_owner = Responsabile
board_document = Documento
board_ask = Referente
board_owed = Da incassare
board_next = Prossimo passo

## Il portafoglio (output/index.html).
board_title = docket: incarichi
board_engagements = Incarichi
board_needs_script = Questa pagina richiede JavaScript per elencare gli incarichi; la pagina di ciascun incarico (l’index.html della sua cartella) funziona anche senza.
board_find = Filtri
board_search = Cerca
board_search_placeholder = incarico, cliente, responsabile, approvazione
board_all_clients = Tutti i clienti
board_all_stages = Tutte le fasi
board_decision = Decisione
board_any_decision = Qualsiasi decisione
board_has_blocked = con qualcosa di bloccato
board_has_draft = con una bozza
board_has_final = con un documento definitivo
board_has_not_started = con fasi non iniziate
board_all_owners = Tutti i responsabili
board_portfolio = Portafoglio
board_portfolio_caption = Una riga per incarico, una colonna per fase del ciclo di vita e per l’approvazione di sicurezza: ✓ definitivo, ✎ bozza, ✕ bloccato, tratteggiato: non iniziato.
board_waiting_on = In attesa
board_waiting_caption = Ogni documento in bozza o bloccato, con ciò che attende e a chi rivolgersi, dal più vecchio al più recente.
board_since = Dal
board_days = Giorni
board_waits_for = Attende
# La riga sopra il portafoglio; la pagina aggiorna le cifre al variare dei filtri.
board_counts = { $shown } di { $total } incarichi; documenti definitivi: { $final }, in bozza: { $draft }, bloccati: { $blocked }
board_nothing_owed = Nulla da incassare: ogni fattura emessa è pagata o stornata.
board_owed_caption = { $open } da saldare, { $overdue } scaduto, su { $count ->
    [one] un incarico
   *[other] { $count } incarichi
}
board_aging_of = Scadenzario degli importi da saldare in { $currency }
# L’importo da saldare di una riga, con la parte scaduta.
board_owed_past_due = { $open } ({ $overdue } scaduto da { $days ->
    [one] un giorno
   *[other] { $days } giorni
})
board_document_locale = Lingua dei documenti: { $locale }

## La pagina di un incarico.
board_all_engagements = Tutti gli incarichi
board_lifecycle_stage = Fase del ciclo di vita
board_next_owner = responsabile: { $owner }
board_warning = Attenzione:
board_blockers = Impedimenti
board_holds_up = Blocca
board_blocker = Impedimento
board_invoices = Fatture
board_invoice = Fattura
board_state = Stato
board_issued = Emessa
board_due = Scadenza
board_days_overdue = Giorni di ritardo
board_amount = Importo
board_paid = Pagato
board_credited = Stornato
board_open = Da saldare
board_reminders_sent = Solleciti inviati
board_no_invoice = Nessuna fattura ancora emessa.
board_stages = Fasi
board_where_it_stands = Avanzamento
board_gate_before_next = Approvazione prima della fase successiva
board_current = (in corso)
board_documents = Documenti
board_page_one_of = Pagina 1 di { $title }
board_approvals = Approvazioni
board_gate = Punto di approvazione
board_counts_as = Vale come
board_recorded = Registrata
board_approver = Approvato da
board_permits = Consente
board_evidence = Evidenza
board_scope = Ambito
board_note = Nota
board_none_named = nessuno indicato
board_tracks = Filoni di attività
board_track = Filone
board_status = Stato
board_open_questions = Domande aperte
board_question_tbd = { $field } è da definire (TBD)

## Signed approvals and requests.
board_unverified = Le approvazioni non sono verificate: le regole di questa cartella accettano un approvatore nominato e una prova sulla parola (trust = "evidence"). Firmate le approvazioni per verificarle.
board_signed_by = firmato da
board_attesting = attestando
board_requests = Richieste
board_requests_intro = Richieste, non approvate: ognuna conta quando la firma una persona che può concederla.
board_asks_for = Richiede
board_asked_by = Richiesto da
board_why = Motivo
board_can_grant = Può concedere
board_they_run = Comando
board_nobody = nessuno nell'elenco
