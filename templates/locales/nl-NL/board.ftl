# Statusoverzicht (output/index.html en de index.html van elke opdracht), in de taal van de
# lezers: `[board] locale` in rules.toml, anders en-US. De vermelde documenten houden de taal
# van hun eigen opdracht. Factuurstatussen en ouderdomskoppen komen uit statement.ftl.
# Referentie: templates/locales/en-US/board.ftl.

## Woorden op beide pagina's.
board_final = definitief
board_draft = concept
board_blocked = geblokkeerd
board_not_started = niet gestart
board_none = geen
board_none_sentence = Geen.
board_engagement = Opdracht
board_client = Klant
board_stage = Fase
board_owner = Eigenaar
board_document = Document
board_ask = Aanspreekpunt
board_owed = Openstaand
board_next = Volgende stap

## Het portfolio (output/index.html).
board_title = docket: opdrachten
board_engagements = Opdrachten
board_needs_script = Deze pagina heeft JavaScript nodig om de opdrachten te tonen; de eigen pagina van elke opdracht (de index.html in de map ervan) werkt ook zonder.
board_find = Filteren
board_search = Zoeken
board_search_placeholder = opdracht, klant, eigenaar, goedkeuring
board_all_clients = Alle klanten
board_all_stages = Alle fasen
board_decision = Besluit
board_any_decision = Alle besluiten
board_has_blocked = met iets geblokkeerd
board_has_draft = met een concept
board_has_final = met een definitief document
board_has_not_started = met niet-gestarte fasen
board_all_owners = Alle eigenaren
board_portfolio = Portfolio
board_portfolio_caption = Eén rij per opdracht, één kolom per levenscyclusfase en voor de beveiligingsgoedkeuring: ✓ definitief, ✎ concept, ✕ geblokkeerd, gestippeld: niet gestart.
board_waiting_on = In afwachting
board_waiting_caption = Elk document dat concept of geblokkeerd is, met waarop het wacht en wie je kunt aanspreken, oudste eerst.
board_since = Sinds
board_days = Dagen
board_waits_for = Wacht op
# De regel boven het portfolio; de pagina past de cijfers aan als de filters veranderen.
board_counts = { $shown } van { $total } opdrachten; documenten: { $final } definitief, { $draft } concept, { $blocked } geblokkeerd
board_nothing_owed = Er staat niets open: elke uitgereikte factuur is betaald of gecrediteerd.
board_owed_caption = { $open } openstaand, { $overdue } vervallen, verdeeld over { $count ->
    [one] één opdracht
   *[other] { $count } opdrachten
}
board_aging_of = Ouderdomsanalyse van wat openstaat in { $currency }
# Het openstaande bedrag van een rij, met het vervallen deel.
board_owed_past_due = { $open } ({ $overdue } vervallen, { $days ->
    [one] één dag
   *[other] { $days } dagen
})
board_document_locale = Documenttaal: { $locale }

## De pagina van een opdracht.
board_all_engagements = Alle opdrachten
board_lifecycle_stage = Levenscyclusfase
board_next_owner = eigenaar: { $owner }
board_warning = Waarschuwing:
board_blockers = Blokkades
board_holds_up = Blokkeert
board_blocker = Blokkade
board_invoices = Facturen
board_invoice = Factuur
board_state = Status
board_issued = Factuurdatum
board_due = Vervaldatum
board_days_overdue = Dagen over tijd
board_amount = Bedrag
board_paid = Betaald
board_credited = Gecrediteerd
board_open = Open
board_reminders_sent = Verstuurde herinneringen
board_no_invoice = Nog geen factuur uitgereikt.
board_stages = Fasen
board_where_it_stands = Stand van zaken
board_gate_before_next = Goedkeuring vóór de volgende fase
board_current = (huidig)
board_documents = Documenten
board_page_one_of = Pagina 1 van { $title }
board_approvals = Goedkeuringen
board_gate = Goedkeuringsmoment
board_counts_as = Geldt als
board_recorded = Vastgelegd
board_approver = Goedgekeurd door
board_permits = Staat toe
board_evidence = Bewijs
board_scope = Scope
board_note = Opmerking
board_none_named = niemand genoemd
board_tracks = Werkstromen
board_track = Werkstroom
board_status = Status
board_open_questions = Open vragen
board_question_tbd = { $field } is nog onbekend (TBD)

## Signed approvals and requests.
board_unverified = Goedkeuringen zijn niet geverifieerd: de regels van deze map nemen een genoemde goedkeurder en bewijs op hun woord (trust = "evidence"). Onderteken goedkeuringen om ze te verifiëren.
board_signed_by = ondertekend door
board_attesting = bevestigend
board_requests = Verzoeken
board_requests_intro = Gevraagd, niet goedgekeurd: elk telt zodra iemand die het mag verlenen het ondertekent.
board_asks_for = Vraagt om
board_asked_by = Gevraagd door
board_why = Reden
board_can_grant = Kan verlenen
board_they_run = Opdracht
board_nobody = niemand in de lijst
