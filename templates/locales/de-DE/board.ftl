# Statusübersicht (output/index.html und die index.html jedes Projekts), in der Sprache ihrer
# Leser: `[board] locale` in rules.toml, sonst en-US. Die aufgeführten Dokumente behalten die
# Sprache ihres Projekts. Rechnungsstatus und Fälligkeitsstufen kommen aus statement.ftl.
# Referenz: templates/locales/en-US/board.ftl.

## Wörter beider Seiten.
board_final = endgültig
board_draft = Entwurf
board_blocked = blockiert
board_not_started = nicht begonnen
board_none = keine
board_none_sentence = Keine.
board_engagement = Projekt
board_client = Kunde
board_stage = Phase
board_owner = Verantwortlich
board_document = Dokument
board_ask = Ansprechpartner
board_owed = Offene Beträge
board_next = Nächster Schritt

## Die Übersicht aller Projekte (output/index.html).
board_title = docket: Projekte
board_engagements = Projekte
board_needs_script = Diese Seite benötigt JavaScript, um die Projekte aufzulisten; die eigene Seite jedes Projekts (die index.html in seinem Ordner) funktioniert auch ohne.
board_find = Filter
board_search = Suche
board_search_placeholder = Projekt, Kunde, Verantwortliche, Freigabe
board_all_clients = Alle Kunden
board_all_stages = Alle Phasen
board_decision = Entscheidung
board_any_decision = Alle Entscheidungen
board_has_blocked = mit Blockade
board_has_draft = mit Entwurf
board_has_final = mit endgültigem Dokument
board_has_not_started = mit nicht begonnenen Phasen
board_all_owners = Alle Verantwortlichen
board_portfolio = Portfolio
board_portfolio_caption = Eine Zeile je Projekt, eine Spalte je Lebenszyklusphase und für die Sicherheitsfreigabe: ✓ endgültig, ✎ Entwurf, ✕ blockiert, gestrichelt: nicht begonnen.
board_waiting_on = Ausstehend
board_waiting_caption = Alle Entwürfe und blockierten Dokumente mit dem, worauf sie warten, und dem Ansprechpartner, die ältesten zuerst.
board_since = Seit
board_days = Tage
board_waits_for = Wartet auf
# Die Zeile über der Übersicht; die Seite passt die Zahlen an, wenn sich die Filter ändern.
board_counts = { $shown } von { $total } Projekten; Dokumente: { $final } endgültig, { $draft } im Entwurf, { $blocked } blockiert
board_nothing_owed = Keine offenen Beträge: Jede ausgestellte Rechnung ist bezahlt oder gutgeschrieben.
board_owed_caption = { $open } offen, { $overdue } überfällig, in { $count ->
    [one] einem Projekt
   *[other] { $count } Projekten
}
board_aging_of = Fälligkeitsstruktur der offenen Beträge in { $currency }
# Offener Betrag einer Zeile, mit dem überfälligen Teil.
board_owed_past_due = { $open } ({ $overdue } überfällig seit { $days ->
    [one] einem Tag
   *[other] { $days } Tagen
})
board_document_locale = Dokumentsprache: { $locale }

## Die Seite eines Projekts.
board_all_engagements = Alle Projekte
board_lifecycle_stage = Lebenszyklusphase
board_next_owner = verantwortlich: { $owner }
board_warning = Warnung:
board_blockers = Hindernisse
board_holds_up = Blockiert
board_blocker = Hindernis
board_invoices = Rechnungen
board_invoice = Rechnung
board_state = Status
board_issued = Ausgestellt
board_due = Fällig
board_days_overdue = Tage überfällig
board_amount = Betrag
board_paid = Bezahlt
board_credited = Gutgeschrieben
board_open = Offen
board_reminders_sent = Versandte Erinnerungen
board_no_invoice = Noch keine Rechnung ausgestellt.
board_stages = Phasen
board_where_it_stands = Stand
board_gate_before_next = Freigabe vor der nächsten Phase
board_current = (aktuell)
board_documents = Dokumente
board_page_one_of = Seite 1 von { $title }
board_approvals = Freigaben
board_gate = Freigabepunkt
board_counts_as = Gilt als
board_recorded = Erfasst
board_approver = Freigegeben von
board_permits = Erlaubt
board_evidence = Nachweis
board_scope = Umfang
board_note = Anmerkung
board_none_named = niemand benannt
board_tracks = Arbeitsstränge
board_track = Arbeitsstrang
board_status = Status
board_open_questions = Offene Fragen
board_question_tbd = { $field } ist offen (TBD)

## Signed approvals and requests.
board_unverified = Freigaben sind ungeprüft: Die Regeln dieses Ordners nehmen eine genannte freigebende Person und einen Nachweis beim Wort (trust = "evidence"). Signieren Sie Freigaben, um sie zu prüfen.
board_signed_by = signiert von
board_attesting = bestätigend
board_requests = Anfragen
board_requests_intro = Angefragt, nicht freigegeben: Jede zählt erst, wenn eine berechtigte Person sie signiert.
board_asks_for = Fragt an
board_asked_by = Angefragt von
board_why = Grund
board_can_grant = Kann freigeben
board_they_run = Befehl
board_nobody = niemand im Verzeichnis
