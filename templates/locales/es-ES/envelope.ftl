# Sobre n.º 10: las palabras de la prueba en Markdown. Las líneas de dirección y el código de barras son la forma del USPS (mayúsculas en inglés) y nunca se traducen. Referencia: templates/locales/en-US/envelope.ftl.

envelope_proof = Prueba del sobre n.º 10 (9,5 in × 4,125 in, imprimir al 100 %).
envelope_contents = Contenido: { $contents }
envelope_exactly_as_printed = Las líneas de dirección y el código de barras siguientes son exactamente como se imprimen (formato USPS Publication 28, código de barras Intelligent Mail USPS-B-3200).

envelope_decision = Decisión
envelope_label_colon = { $label }:
envelope_final = Definitivo
envelope_final_note = envío aprobado y destinatario verificado. `docket envelopes` lo imprime en una tanda de impresión.
envelope_draft = Borrador
envelope_draft_note = envío no aprobado o destinatario no verificado (véase arriba). El PDF lleva la marca BORRADOR, y `docket envelopes` omite este sobre hasta que se registre lo indicado arriba.

envelope_return_address = Remitente (arriba a la izquierda)
envelope_delivery_address = Dirección de entrega (zona de lectura OCR)
envelope_barcode = Código de barras Intelligent Mail (zona libre del código, abajo a la derecha)

envelope_field = Campo
envelope_value = Valor
envelope_barcode_id = Id. del código de barras
envelope_service_type = Tipo de servicio
envelope_mailer_id = Id. del remitente
envelope_serial = Número de serie
envelope_routing_code = Código de encaminamiento
envelope_tracking_code = Código de seguimiento
envelope_bars = Las 65 barras, de izquierda a derecha (F completa, A ascendente, D descendente, T corta):

envelope_draft_mark = Borrador: envío no aprobado
