# Payment reminder (British English). Reference: templates/locales/en-US/reminder.ftl.

reminder_word = Reminder
reminder_label_colon = { $label }:
reminder_reference = Reference
reminder_date = Date
reminder_invoice = Invoice
reminder_stage = Stage
reminder_stage_of = { $number } of { $total }
reminder_from = From
reminder_to = To
reminder_which = reminder { $number } of { $total }: { $stage }

reminder_col_invoice = Invoice
reminder_col_issued = Issued
reminder_col_due = Due
reminder_col_days_past_due = Days past due
reminder_col_amount = Amount
reminder_col_amount_in = Amount ({ $currency })
reminder_col_paid = Paid
reminder_col_credited = Credited
reminder_col_open_in = Open ({ $currency })
reminder_open_amount = Open amount

reminder_payment = Payment
reminder_quote_number = Please quote { $invoice } with your payment.
reminder_regards = Kind regards,



reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Invoice { $invoice } of { $issued }, due { $due }: { $open } open ({ $days } days past due).
reminder_email_payment = Payment: { $remittance }
reminder_accounts_payable = Accounts Payable, { $client }
