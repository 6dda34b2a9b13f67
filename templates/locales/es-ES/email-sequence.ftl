# Secuencia de correos. Los mensajes son el texto de los datos. Referencia: templates/locales/en-US/email-sequence.ftl.

email_sequence_word = Secuencia de correos
email_sequence_label_colon = { $label }:
email_sequence_number = Secuencia n.º
email_sequence_date = Fecha
email_sequence_client = Cliente
email_sequence_messages = Mensajes

email_sequence_from = De
email_sequence_to = Para
email_sequence_to_client = Para · { $client }
email_sequence_subject = Asunto
email_sequence_summary_one = { $count } mensaje, tal como lo leerá el destinatario.
email_sequence_summary_other = { $count } mensajes, tal como los leerá el destinatario.
email_sequence_copy_only = Esto es solo el texto de los mensajes: no se envía nada hasta que se apruebe el envío externo y se verifique la dirección de cada destinatario.
email_sequence_prepared_by = Preparado por { $name }.

email_sequence_email_of = Correo { $index } de { $total }
email_sequence_email_send_on = Correo { $index } de { $total }: envío el { $date }
email_sequence_send_on = Envío el
