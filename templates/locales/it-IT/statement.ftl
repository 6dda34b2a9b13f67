# Estratto conto. Riferimento: templates/locales/en-US/statement.ftl.

statement_word = Estratto conto
statement_label_colon = { $label }:
statement_number = Estratto n.
statement_date = Data
statement_period = Periodo
statement_period_span = { $start } – { $end }
statement_from = Da
statement_to = A
statement_for = Estratto conto per
statement_statement_date = Data dell’estratto
statement_period_range = dal { $start } al { $end }

statement_amount_due_now = Importo da pagare ora
statement_of_open = su { $open } da saldare
statement_of_open_past_due = su { $open } da saldare; { $overdue } scaduto
statement_balance = Saldo { $amount }
statement_past_due = scaduto { $amount }
statement_no_invoices = Non è stata ancora emessa alcuna fattura.

statement_account_in = Conto in { $currency }
statement_col_date = Data
statement_col_document = Documento
statement_col_description = Descrizione
statement_col_charges = Addebiti
statement_col_credits = Accrediti
statement_col_balance = Saldo
statement_col_balance_in = Saldo ({ $currency })
statement_opening_balance = Saldo iniziale
statement_closing_balance = Saldo finale
statement_invoice_due = Fattura · scadenza { $date }

statement_open_invoices = Fatture aperte
statement_open_invoices_in = Fatture aperte ({ $currency })
statement_col_invoice = Fattura
statement_col_issued = Emessa
statement_col_due = Scadenza
statement_col_amount = Importo
statement_col_open = Da saldare
statement_col_state = Stato
statement_state_days = { $state }, { $days } giorni
statement_overdue_days = scaduta · { $days } giorni

statement_aging_in = Scadenzario ({ $currency })
statement_notes = Note
statement_quote_numbers = Vi preghiamo di indicare i numeri di fattura nel pagamento.
statement_records_differ = Se i vostri dati non corrispondono a questo estratto, vi preghiamo di comunicarcelo.
statement_records_differ_at = Se i vostri dati non corrispondono a questo estratto, vi preghiamo di comunicarcelo all’indirizzo { $email }.


statement_line_invoice = Fattura, scadenza { $due }
statement_line_credit_note = Nota di credito per { $invoice }
statement_line_payment = Pagamento: { $invoices }
statement_line_payment_by = Pagamento ({ $method }): { $invoices }

statement_state_issued = emessa
statement_state_partly_paid = pagata in parte
statement_state_paid = pagata
statement_state_overdue = scaduta
statement_state_credited = stornata

statement_aging_current = Non scaduto
statement_aging_1_30 = 1–30 giorni
statement_aging_31_60 = 31–60 giorni
statement_aging_61_90 = 61–90 giorni
statement_aging_over_90 = Oltre 90 giorni
