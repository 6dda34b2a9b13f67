# Briefumschlag #10: die Wörter des Markdown-Abzugs. Adresszeilen und Barcode sind die Form der USPS (englische Großbuchstaben) und werden nie übersetzt. Referenz: templates/locales/en-US/envelope.ftl.

envelope_proof = Abzug des Umschlags #10 (9,5 in × 4,125 in, mit 100 % drucken).
envelope_contents = Inhalt: { $contents }
envelope_exactly_as_printed = Adresszeilen und Barcode unten sind genau wie gedruckt (Form nach USPS Publication 28, Intelligent Mail Barcode USPS-B-3200).

envelope_decision = Entscheidung
envelope_label_colon = { $label }:
envelope_final = Endgültig
envelope_final_note = zum Versand freigegeben und der Empfänger bestätigt. `docket envelopes` druckt ihn in einem Drucklauf.
envelope_draft = Entwurf
envelope_draft_note = nicht zum Versand freigegeben oder der Empfänger nicht bestätigt (siehe oben). Das PDF trägt eine ENTWURF-Markierung, und `docket envelopes` überspringt diesen Umschlag, bis das oben Aufgeführte erfasst ist.

envelope_return_address = Absender (oben links)
envelope_delivery_address = Empfängeradresse (OCR-Lesebereich)
envelope_barcode = Intelligent Mail Barcode (Freizone des Barcodes, unten rechts)

envelope_field = Feld
envelope_value = Wert
envelope_barcode_id = Barcode-ID
envelope_service_type = Service-Typ
envelope_mailer_id = Mailer-ID
envelope_serial = Seriennummer
envelope_routing_code = Routing-Code
envelope_tracking_code = Tracking-Code
envelope_bars = Die 65 Balken, von links (F voll, A Oberlänge, D Unterlänge, T Tracker):

envelope_draft_mark = Entwurf: nicht zum Versand freigegeben
