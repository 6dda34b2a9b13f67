# Rekeningoverzicht. Referentie: templates/locales/en-US/statement.ftl.

statement_word = Rekeningoverzicht
statement_label_colon = { $label }:
statement_number = Overzichtnr.
statement_date = Datum
statement_period = Periode
statement_period_span = { $start } – { $end }
statement_from = Van
statement_to = Aan
statement_for = Overzicht voor
statement_statement_date = Datum overzicht
statement_period_range = { $start } t/m { $end }

statement_amount_due_now = Nu te betalen
statement_of_open = van { $open } openstaand
statement_of_open_past_due = van { $open } openstaand; { $overdue } vervallen
statement_balance = Saldo { $amount }
statement_past_due = vervallen { $amount }
statement_no_invoices = Er is nog geen factuur uitgereikt.

statement_account_in = Rekening in { $currency }
statement_col_date = Datum
statement_col_document = Document
statement_col_description = Omschrijving
statement_col_charges = Debet
statement_col_credits = Credit
statement_col_balance = Saldo
statement_col_balance_in = Saldo ({ $currency })
statement_opening_balance = Beginsaldo
statement_closing_balance = Eindsaldo
statement_invoice_due = Factuur · vervalt op { $date }

statement_open_invoices = Openstaande facturen
statement_open_invoices_in = Openstaande facturen ({ $currency })
statement_col_invoice = Factuur
statement_col_issued = Factuurdatum
statement_col_due = Vervaldatum
statement_col_amount = Bedrag
statement_col_open = Open
statement_col_state = Status
statement_state_days = { $state }, { $days } dagen
statement_overdue_days = vervallen · { $days } dagen

statement_aging_in = Ouderdomsanalyse ({ $currency })
statement_notes = Opmerkingen
statement_quote_numbers = Vermeld bij uw betaling de factuurnummers.
statement_records_differ = Wijkt uw administratie af van dit overzicht, laat het ons dan weten.
statement_records_differ_at = Wijkt uw administratie af van dit overzicht, laat het ons dan weten via { $email }.


statement_line_invoice = Factuur, vervalt op { $due }
statement_line_credit_note = Creditnota voor { $invoice }
statement_line_payment = Betaling: { $invoices }
statement_line_payment_by = Betaling ({ $method }): { $invoices }

statement_state_issued = uitgereikt
statement_state_partly_paid = deels betaald
statement_state_paid = betaald
statement_state_overdue = vervallen
statement_state_credited = gecrediteerd

statement_aging_current = Niet vervallen
statement_aging_1_30 = 1–30 dagen
statement_aging_31_60 = 31–60 dagen
statement_aging_61_90 = 61–90 dagen
statement_aging_over_90 = Meer dan 90 dagen
