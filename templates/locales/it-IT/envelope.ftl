# Busta n. 10: le parole della prova in Markdown. Le righe dell’indirizzo e il codice a barre sono la forma dell’USPS (maiuscole inglesi) e non si traducono mai. Riferimento: templates/locales/en-US/envelope.ftl.

envelope_proof = Prova di stampa della busta n. 10 (9,5 in × 4,125 in, stampare al 100%).
envelope_contents = Contenuto: { $contents }
envelope_exactly_as_printed = Le righe dell’indirizzo e il codice a barre qui sotto sono esattamente come stampati (forma USPS Publication 28, codice a barre Intelligent Mail USPS-B-3200).

envelope_decision = Decisione
envelope_label_colon = { $label }:
envelope_final = Definitiva
envelope_final_note = invio approvato e destinatario verificato. `docket envelopes` la stampa in una tiratura.
envelope_draft = Bozza
envelope_draft_note = invio non approvato o destinatario non verificato (vedi sopra). Il PDF reca la dicitura BOZZA, e `docket envelopes` salta questa busta finché quanto elencato sopra non è registrato.

envelope_return_address = Mittente (in alto a sinistra)
envelope_delivery_address = Indirizzo di consegna (area di lettura OCR)
envelope_barcode = Codice a barre Intelligent Mail (zona libera del codice, in basso a destra)

envelope_field = Campo
envelope_value = Valore
envelope_barcode_id = ID codice a barre
envelope_service_type = Tipo di servizio
envelope_mailer_id = ID mittente
envelope_serial = Numero di serie
envelope_routing_code = Codice di instradamento
envelope_tracking_code = Codice di tracciamento
envelope_bars = Le 65 barre, da sinistra (F intera, A ascendente, D discendente, T corta):

envelope_draft_mark = Bozza: invio non approvato
