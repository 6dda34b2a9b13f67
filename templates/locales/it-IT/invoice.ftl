# Fatture e note di credito.

## Intestazione e parti.
invoice_word = Fattura
invoice_credit_word = Nota di credito
invoice_number = Fattura n.
invoice_credit_number = Nota di credito n.
invoice_number_long = Numero di fattura
invoice_credit_number_long = Numero della nota di credito
invoice_assigned_when_issued = assegnato all’emissione
invoice_corrects = Rettifica la fattura
invoice_issue_date = Data fattura
invoice_due_date = Scadenza
invoice_terms = Condizioni
invoice_po = Ordine
invoice_purchase_order = Numero d’ordine
invoice_agreement = Contratto
invoice_from = Da
invoice_bill_to = Intestatario
invoice_for = Oggetto
invoice_credit_for = Accredito per
invoice_supply_period = Periodo di fornitura
invoice_reason = Motivo
invoice_tax_id_of = P. IVA { $id }
invoice_credit_intro = Nota di credito relativa alla fattura { $invoice }. Gli importi sono negativi: riducono quanto dovuto.

## Righe e totali.
invoice_lines = Righe
invoice_totals = Totali
invoice_description = Descrizione
invoice_quantity = Quantità
invoice_qty = Q.tà
invoice_unit_price = Prezzo unitario
invoice_discount = Sconto
invoice_tax = IVA
invoice_amount = Importo ({ $currency })
invoice_subtotal = Imponibile
invoice_tax_name = IVA
invoice_tax_line = { $tax } { $rate } su { $base }
invoice_rounding = Arrotondamento
invoice_total = Totale
invoice_paid = Pagato: { $what }
invoice_refunded = Rimborsato: { $what }
invoice_amount_due = Importo dovuto
invoice_amount_credited = Importo accreditato

## Pagamento.
invoice_payment = Pagamento
invoice_settlement = Regolamento
invoice_notes = Note
invoice_quote_number = Si prega di indicare { $number } nel pagamento.
invoice_quote_number_due = Si prega di indicare { $number } nel pagamento, con scadenza il { $date }.

## The billing note (what the invoice bills against its agreement; docket adds it to the notes).
invoice_billing_note = Fatturato nell'ambito di { $agreement } prima di questa fattura: { $before }. Questa fattura: { $this }. Residuo dopo: { $remaining } su { $ceiling }.
# What was billed before: the amount and the invoices.
invoice_billing_before = { $amount } ({ $invoices })
invoice_billing_nothing = niente
