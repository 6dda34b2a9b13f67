# Outbound email sequence (British English). Reference: templates/locales/en-US/email-sequence.ftl.

## Title block.
email_sequence_word = Email sequence
email_sequence_label_colon = { $label }:
email_sequence_number = Sequence no.
email_sequence_date = Date
email_sequence_client = Client
email_sequence_messages = Messages

## Who writes to whom.
email_sequence_from = From
email_sequence_to = To
email_sequence_to_client = To · { $client }
email_sequence_subject = Subject
email_sequence_summary_one = { $count } message, shown as the recipient will read them.
email_sequence_summary_other = { $count } messages, shown as the recipient will read them.
email_sequence_copy_only = This is message copy only: nothing is sent until external send is approved and every recipient's address is verified.
email_sequence_prepared_by = Prepared by { $name }.

## Each message.
email_sequence_email_of = Email { $index } of { $total }
email_sequence_email_send_on = Email { $index } of { $total }: send on { $date }
email_sequence_send_on = Send on
