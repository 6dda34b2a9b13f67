# E-Mail-Sequenz. Die Nachrichten sind der Text der Daten. Referenz: templates/locales/en-US/email-sequence.ftl.

email_sequence_word = E-Mail-Sequenz
email_sequence_label_colon = { $label }:
email_sequence_number = Sequenz Nr.
email_sequence_date = Datum
email_sequence_client = Kunde
email_sequence_messages = Nachrichten

email_sequence_from = Von
email_sequence_to = An
email_sequence_to_client = An · { $client }
email_sequence_subject = Betreff
email_sequence_summary_one = { $count } Nachricht, so dargestellt, wie der Empfänger sie lesen wird.
email_sequence_summary_other = { $count } Nachrichten, so dargestellt, wie der Empfänger sie lesen wird.
email_sequence_copy_only = Dies ist nur der Nachrichtentext: Nichts wird versendet, bevor der externe Versand freigegeben und die Adresse jedes Empfängers bestätigt ist.
email_sequence_prepared_by = Erstellt von { $name }.

email_sequence_email_of = E-Mail { $index } von { $total }
email_sequence_email_send_on = E-Mail { $index } von { $total }: Versand am { $date }
email_sequence_send_on = Versand am
