# Invoices and credit notes (British English).

## Title block and parties.
invoice_word = Invoice
invoice_credit_word = Credit note
invoice_number = Invoice no.
invoice_credit_number = Credit note no.
invoice_number_long = Invoice number
invoice_credit_number_long = Credit note number
invoice_assigned_when_issued = assigned when issued
invoice_corrects = Corrects invoice
invoice_issue_date = Invoice date
invoice_due_date = Due date
invoice_terms = Terms
invoice_po = PO
invoice_purchase_order = Purchase order
invoice_agreement = Agreement
invoice_from = From
invoice_bill_to = Bill to
invoice_for = For
invoice_credit_for = Credit for
invoice_supply_period = Supply period
invoice_reason = Reason
invoice_tax_id_of = VAT no. { $id }
invoice_credit_intro = Credit note for invoice { $invoice }. Amounts are negative: they reduce what is owed.

## Lines and totals.
invoice_lines = Lines
invoice_totals = Totals
invoice_description = Description
invoice_quantity = Quantity
invoice_qty = Qty
invoice_unit_price = Unit price
invoice_discount = Discount
invoice_tax = VAT
invoice_amount = Amount ({ $currency })
invoice_subtotal = Subtotal
invoice_tax_name = VAT
invoice_tax_line = { $tax } { $rate } on { $base }
invoice_rounding = Rounding
invoice_total = Total
invoice_paid = Paid: { $what }
invoice_refunded = Refunded: { $what }
invoice_amount_due = Amount due
invoice_amount_credited = Amount credited

## Payment.
invoice_payment = Payment
invoice_settlement = Settlement
invoice_notes = Notes
invoice_quote_number = Please quote { $number } with your payment.
invoice_quote_number_due = Please quote { $number } with your payment, due { $date }.

## The billing note (what the invoice bills against its agreement; docket adds it to the notes).
invoice_billing_note = Billed under { $agreement } before this invoice: { $before }. This invoice: { $this }. Remaining after it: { $remaining } of { $ceiling }.
# What was billed before: the amount and the invoices.
invoice_billing_before = { $amount } ({ $invoices })
invoice_billing_nothing = nothing
