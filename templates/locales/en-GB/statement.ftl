# Statement of account (British English). Reference: templates/locales/en-US/statement.ftl.

statement_word = Statement
statement_label_colon = { $label }:
statement_number = Statement no.
statement_date = Date
statement_period = Period
statement_period_span = { $start } – { $end }
statement_from = From
statement_to = To
statement_for = Statement for
statement_statement_date = Statement date
statement_period_range = { $start } to { $end }

statement_amount_due_now = Amount due now
statement_of_open = of { $open } open
statement_of_open_past_due = of { $open } open; { $overdue } past due
statement_balance = Balance { $amount }
statement_past_due = past due { $amount }
statement_no_invoices = No invoice has been issued yet.

statement_account_in = Account in { $currency }
statement_col_date = Date
statement_col_document = Document
statement_col_description = Description
statement_col_charges = Charges
statement_col_credits = Credits
statement_col_balance = Balance
statement_col_balance_in = Balance ({ $currency })
statement_opening_balance = Opening balance
statement_closing_balance = Closing balance
statement_invoice_due = Invoice · due { $date }

statement_open_invoices = Open invoices
statement_open_invoices_in = Open invoices ({ $currency })
statement_col_invoice = Invoice
statement_col_issued = Issued
statement_col_due = Due
statement_col_amount = Amount
statement_col_open = Open
statement_col_state = State
statement_state_days = { $state }, { $days } days
statement_overdue_days = overdue · { $days } days

statement_aging_in = Aging ({ $currency })
statement_notes = Notes
statement_quote_numbers = Please quote the invoice numbers with your payment.
statement_records_differ = If your records differ from this statement, please let us know.
statement_records_differ_at = If your records differ from this statement, please let us know at { $email }.


statement_line_invoice = Invoice, due { $due }
statement_line_credit_note = Credit note for { $invoice }
statement_line_payment = Payment: { $invoices }
statement_line_payment_by = Payment ({ $method }): { $invoices }

statement_state_issued = issued
statement_state_partly_paid = partly paid
statement_state_paid = paid
statement_state_overdue = overdue
statement_state_credited = credited

statement_aging_current = Current
statement_aging_1_30 = 1–30 days
statement_aging_31_60 = 31–60 days
statement_aging_61_90 = 61–90 days
statement_aging_over_90 = Over 90 days
