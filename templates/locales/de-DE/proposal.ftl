# Das Angebot (templates/proposal.md, proposal.typ). Referenz: templates/locales/en-US/proposal.ftl.

## Titelblock und Empfänger.
proposal_heading = Angebot
proposal_number = Angebots-Nr.
proposal_date = Datum
proposal_currency = Währung
proposal_prepared_for = Erstellt für
proposal_attn = z. Hd. { $name }
proposal_proposed = Gegenstand
proposal_title_by = { $title } von { $provider }
proposal_prepared_by = Erstellt von
proposal_prepared_by_for = Erstellt von { $provider } für { $client }
proposal_label_colon = { $label }:

## Abschnitte.
proposal_executive_summary = Zusammenfassung
proposal_in_scope = Im Leistungsumfang
proposal_out_of_scope = Nicht im Leistungsumfang
proposal_deliverables = Liefergegenstände
proposal_timeline = Zeitplan
proposal_no_phases = Noch keine Phasen erfasst.

## Zeitplan.
proposal_phase = Phase
proposal_length = Dauer
proposal_weeks = Wochen
proposal_week_count_one = { $count } Woche
proposal_week_count = { $count } Wochen
proposal_total = Gesamt
proposal_weeks_from_start = Wochen ab Beginn der Arbeiten
proposal_weeks_from_start_open = Wochen ab Beginn der Arbeiten; eine Phase ohne Balken hat noch keine vereinbarte Dauer

## Preis und Annahme.
proposal_price_and_terms = Preis und Zahlungsbedingungen
proposal_fixed_fee = Festpreis
proposal_payment_terms = Zahlungsbedingungen
proposal_acceptance = Annahme
proposal_not_a_contract = Dieses Angebot ist kein Vertrag. Die Arbeiten beginnen erst nach Unterzeichnung eines Vertrags.
