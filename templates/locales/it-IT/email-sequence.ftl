# Sequenza di e-mail. I messaggi sono il testo dei dati. Riferimento: templates/locales/en-US/email-sequence.ftl.

email_sequence_word = Sequenza di e-mail
email_sequence_label_colon = { $label }:
email_sequence_number = Sequenza n.
email_sequence_date = Data
email_sequence_client = Cliente
email_sequence_messages = Messaggi

email_sequence_from = Da
email_sequence_to = A
email_sequence_to_client = A · { $client }
email_sequence_subject = Oggetto
email_sequence_summary_one = { $count } messaggio, mostrato come lo leggerà il destinatario.
email_sequence_summary_other = { $count } messaggi, mostrati come li leggerà il destinatario.
email_sequence_copy_only = Questo è solo il testo dei messaggi: nulla viene inviato finché l’invio esterno non è approvato e l’indirizzo di ogni destinatario non è verificato.
email_sequence_prepared_by = Preparato da { $name }.

email_sequence_email_of = E-mail { $index } di { $total }
email_sequence_email_send_on = E-mail { $index } di { $total }: invio il { $date }
email_sequence_send_on = Invio il
