# Facturas y facturas rectificativas.

## Encabezado y partes.
invoice_word = Factura
invoice_credit_word = Factura rectificativa
invoice_number = N.º de factura
invoice_credit_number = N.º de rectificativa
invoice_number_long = Número de factura
invoice_credit_number_long = Número de factura rectificativa
invoice_assigned_when_issued = se asigna al emitirla
invoice_corrects = Rectifica la factura
invoice_issue_date = Fecha de emisión
invoice_due_date = Vencimiento
invoice_terms = Condiciones
invoice_po = Pedido
invoice_purchase_order = Número de pedido
invoice_agreement = Contrato
invoice_from = Emisor
invoice_bill_to = Facturar a
invoice_for = Concepto
invoice_credit_for = Abono por
invoice_supply_period = Periodo de prestación
invoice_reason = Motivo
invoice_tax_id_of = NIF { $id }
invoice_credit_intro = Factura rectificativa de la factura { $invoice }. Los importes son negativos: reducen la cantidad adeudada.

## Líneas y totales.
invoice_lines = Líneas
invoice_totals = Totales
invoice_description = Descripción
invoice_quantity = Cantidad
invoice_qty = Cant.
invoice_unit_price = Precio unitario
invoice_discount = Descuento
invoice_tax = IVA
invoice_amount = Importe ({ $currency })
invoice_subtotal = Base imponible
invoice_tax_name = IVA
invoice_tax_line = { $tax } { $rate } sobre { $base }
invoice_rounding = Redondeo
invoice_total = Total
invoice_paid = Pagado: { $what }
invoice_refunded = Reembolsado: { $what }
invoice_amount_due = Importe a pagar
invoice_amount_credited = Importe abonado

## Pago.
invoice_payment = Pago
invoice_settlement = Liquidación
invoice_notes = Notas
invoice_quote_number = Indique { $number } en su pago.
invoice_quote_number_due = Indique { $number } en su pago, con vencimiento el { $date }.

## The billing note (what the invoice bills against its agreement; docket adds it to the notes).
invoice_billing_note = Facturado en virtud de { $agreement } antes de esta factura: { $before }. Esta factura: { $this }. Pendiente después: { $remaining } de { $ceiling }.
# What was billed before: the amount and the invoices.
invoice_billing_before = { $amount } ({ $invoices })
invoice_billing_nothing = nada
