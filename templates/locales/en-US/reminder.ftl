# Payment reminder (templates/reminder.*). The stage's subject and paragraphs are the rules'
# own text ([[reminder]] in rules.toml), not translated here; the sentences docket adds to
# the reminder's email are (src/receivables.rs words them in the engagement's locale).

## Title block and parties.
reminder_word = Reminder
# A label before its value in the Markdown copy ("From: ...").
reminder_label_colon = { $label }:
reminder_reference = Reference
reminder_date = Date
reminder_invoice = Invoice
reminder_stage = Stage
reminder_stage_of = { $number } of { $total }
reminder_from = From
reminder_to = To
# After the subject in the Markdown copy; `stage` is the stage's name in the rules.
reminder_which = reminder { $number } of { $total }: { $stage }

## The invoice's figures.
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

## Payment and sign-off.
reminder_payment = Payment
reminder_quote_number = Please quote { $invoice } with your payment.
reminder_regards = Kind regards,

## Worded by docket (src/receivables.rs): the reminder's email. The subject is the stage's
## subject and the invoice number; the body is the stage's paragraphs, then these two
## (dates and money as the locale writes them).
reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Invoice { $invoice } of { $issued }, due { $due }: { $open } open ({ $days } days past due).
reminder_email_payment = Payment: { $remittance }
# The recipient when the client has no billing contact.
reminder_accounts_payable = Accounts Payable, { $client }
