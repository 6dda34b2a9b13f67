# Envelop #10: de woorden van de Markdown-proef. Adresregels en barcode zijn de vorm van de USPS (Engelse hoofdletters) en worden nooit vertaald. Referentie: templates/locales/en-US/envelope.ftl.

envelope_proof = Proef van de #10-envelop (9,5 in × 4,125 in, afdrukken op 100%).
envelope_contents = Inhoud: { $contents }
envelope_exactly_as_printed = De adresregels en de barcode hieronder zijn precies zoals ze worden afgedrukt (vorm volgens USPS Publication 28, Intelligent Mail-barcode USPS-B-3200).

envelope_decision = Besluit
envelope_label_colon = { $label }:
envelope_final = Definitief
envelope_final_note = goedgekeurd voor verzending en de ontvanger geverifieerd. `docket envelopes` drukt hem af in een afdrukrun.
envelope_draft = Concept
envelope_draft_note = niet goedgekeurd voor verzending of de ontvanger niet geverifieerd (zie boven). De pdf draagt een CONCEPT-markering en `docket envelopes` slaat deze envelop over tot wat hierboven staat is vastgelegd.

envelope_return_address = Afzender (linksboven)
envelope_delivery_address = Bezorgadres (OCR-leesgebied)
envelope_barcode = Intelligent Mail-barcode (vrije zone voor de barcode, rechtsonder)

envelope_field = Veld
envelope_value = Waarde
envelope_barcode_id = Barcode-id
envelope_service_type = Servicetype
envelope_mailer_id = Mailer-id
envelope_serial = Volgnummer
envelope_routing_code = Routeringscode
envelope_tracking_code = Trackingcode
envelope_bars = De 65 streepjes, van links naar rechts (F volledig, A stijgend, D dalend, T kort):

envelope_draft_mark = Concept: niet goedgekeurd voor verzending
