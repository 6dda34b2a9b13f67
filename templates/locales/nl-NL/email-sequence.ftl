# E-mailreeks. De berichten zijn de tekst van de gegevens. Referentie: templates/locales/en-US/email-sequence.ftl.

email_sequence_word = E-mailreeks
email_sequence_label_colon = { $label }:
email_sequence_number = Reeksnr.
email_sequence_date = Datum
email_sequence_client = Klant
email_sequence_messages = Berichten

email_sequence_from = Van
email_sequence_to = Aan
email_sequence_to_client = Aan · { $client }
email_sequence_subject = Onderwerp
email_sequence_summary_one = { $count } bericht, weergegeven zoals de ontvanger het zal lezen.
email_sequence_summary_other = { $count } berichten, weergegeven zoals de ontvanger ze zal lezen.
email_sequence_copy_only = Dit is alleen de tekst van de berichten: er wordt niets verzonden voordat externe verzending is goedgekeurd en het adres van elke ontvanger is geverifieerd.
email_sequence_prepared_by = Opgesteld door { $name }.

email_sequence_email_of = E-mail { $index } van { $total }
email_sequence_email_send_on = E-mail { $index } van { $total }: verzenden op { $date }
email_sequence_send_on = Verzenden op
