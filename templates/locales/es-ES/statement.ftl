# Extracto de cuenta. Referencia: templates/locales/en-US/statement.ftl.

statement_word = Extracto de cuenta
statement_label_colon = { $label }:
statement_number = Extracto n.º
statement_date = Fecha
statement_period = Período
statement_period_span = { $start } – { $end }
statement_from = De
statement_to = Para
statement_for = Extracto para
statement_statement_date = Fecha del extracto
statement_period_range = del { $start } al { $end }

statement_amount_due_now = Importe exigible
statement_of_open = de { $open } pendiente
statement_of_open_past_due = de { $open } pendiente; { $overdue } vencido
statement_balance = Saldo { $amount }
statement_past_due = vencido { $amount }
statement_no_invoices = Aún no se ha emitido ninguna factura.

statement_account_in = Cuenta en { $currency }
statement_col_date = Fecha
statement_col_document = Documento
statement_col_description = Concepto
statement_col_charges = Cargos
statement_col_credits = Abonos
statement_col_balance = Saldo
statement_col_balance_in = Saldo ({ $currency })
statement_opening_balance = Saldo inicial
statement_closing_balance = Saldo final
statement_invoice_due = Factura · vence el { $date }

statement_open_invoices = Facturas pendientes
statement_open_invoices_in = Facturas pendientes ({ $currency })
statement_col_invoice = Factura
statement_col_issued = Emitida
statement_col_due = Vencimiento
statement_col_amount = Importe
statement_col_open = Pendiente
statement_col_state = Estado
statement_state_days = { $state }, { $days } días
statement_overdue_days = vencida · { $days } días

statement_aging_in = Antigüedad de saldos ({ $currency })
statement_notes = Notas
statement_quote_numbers = Indique los números de factura al realizar el pago.
statement_records_differ = Si sus registros no coinciden con este extracto, le rogamos que nos lo comunique.
statement_records_differ_at = Si sus registros no coinciden con este extracto, le rogamos que nos lo comunique en { $email }.


statement_line_invoice = Factura, vence el { $due }
statement_line_credit_note = Factura rectificativa de { $invoice }
statement_line_payment = Pago: { $invoices }
statement_line_payment_by = Pago ({ $method }): { $invoices }

statement_state_issued = emitida
statement_state_partly_paid = pagada en parte
statement_state_paid = pagada
statement_state_overdue = vencida
statement_state_credited = rectificada

statement_aging_current = No vencido
statement_aging_1_30 = 1–30 días
statement_aging_31_60 = 31–60 días
statement_aging_61_90 = 61–90 días
statement_aging_over_90 = Más de 90 días
