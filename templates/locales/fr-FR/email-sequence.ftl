# Séquence d’e-mails. Les messages sont le texte des données. Référence : templates/locales/en-US/email-sequence.ftl.

email_sequence_word = Séquence d’e-mails
email_sequence_label_colon = { $label } :
email_sequence_number = Séquence n°
email_sequence_date = Date
email_sequence_client = Client
email_sequence_messages = Messages

email_sequence_from = De
email_sequence_to = À
email_sequence_to_client = À · { $client }
email_sequence_subject = Objet
email_sequence_summary_one = { $count } message, présenté tel que le destinataire le lira.
email_sequence_summary_other = { $count } messages, présentés tels que le destinataire les lira.
email_sequence_copy_only = Ceci n’est que le texte des messages : rien n’est envoyé tant que l’envoi externe n’est pas approuvé et que l’adresse de chaque destinataire n’est pas vérifiée.
email_sequence_prepared_by = Préparé par { $name }.

email_sequence_email_of = E-mail { $index } sur { $total }
email_sequence_email_send_on = E-mail { $index } sur { $total } : envoi le { $date }
email_sequence_send_on = Envoi le
