# Recordatorio de pago. El asunto y los párrafos de cada nivel son el texto de las reglas. Referencia: templates/locales/en-US/reminder.ftl.

reminder_word = Recordatorio
reminder_label_colon = { $label }:
reminder_reference = Referencia
reminder_date = Fecha
reminder_invoice = Factura
reminder_stage = Nivel
reminder_stage_of = { $number } de { $total }
reminder_from = De
reminder_to = Para
reminder_which = recordatorio { $number } de { $total }: { $stage }

reminder_col_invoice = Factura
reminder_col_issued = Emitida
reminder_col_due = Vencimiento
reminder_col_days_past_due = Días de retraso
reminder_col_amount = Importe
reminder_col_amount_in = Importe ({ $currency })
reminder_col_paid = Pagado
reminder_col_credited = Rectificado
reminder_col_open_in = Pendiente ({ $currency })
reminder_open_amount = Importe pendiente

reminder_payment = Pago
reminder_quote_number = Indique { $invoice } al realizar el pago.
reminder_regards = Atentamente,



reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Factura { $invoice } del { $issued }, con vencimiento el { $due }: { $open } pendiente ({ $days } días de retraso).
reminder_email_payment = Pago: { $remittance }
reminder_accounts_payable = Cuentas a pagar, { $client }
