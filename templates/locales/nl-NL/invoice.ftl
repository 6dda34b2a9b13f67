# Facturen en creditnota's.

## Kop en partijen.
invoice_word = Factuur
invoice_credit_word = Creditnota
invoice_number = Factuurnr.
invoice_credit_number = Creditnotanr.
invoice_number_long = Factuurnummer
invoice_credit_number_long = Creditnotanummer
invoice_assigned_when_issued = wordt bij uitgifte toegekend
invoice_corrects = Corrigeert factuur
invoice_issue_date = Factuurdatum
invoice_due_date = Vervaldatum
invoice_terms = Voorwaarden
invoice_po = Inkoopordernr.
invoice_purchase_order = Inkoopordernummer
invoice_agreement = Overeenkomst
invoice_from = Van
invoice_bill_to = Factuuradres
invoice_for = Betreft
invoice_credit_for = Creditering voor
invoice_supply_period = Leveringsperiode
invoice_reason = Reden
invoice_tax_id_of = btw-nr. { $id }
invoice_credit_intro = Creditnota bij factuur { $invoice }. De bedragen zijn negatief: ze verlagen het verschuldigde bedrag.

## Regels en totalen.
invoice_lines = Regels
invoice_totals = Totalen
invoice_description = Omschrijving
invoice_quantity = Aantal
invoice_qty = Aantal
invoice_unit_price = Prijs per eenheid
invoice_discount = Korting
invoice_tax = Btw
invoice_amount = Bedrag ({ $currency })
invoice_subtotal = Subtotaal
invoice_tax_name = Btw
invoice_tax_line = { $tax } { $rate } over { $base }
invoice_rounding = Afronding
invoice_total = Totaal
invoice_paid = Betaald: { $what }
invoice_refunded = Terugbetaald: { $what }
invoice_amount_due = Te betalen
invoice_amount_credited = Gecrediteerd bedrag

## Betaling.
invoice_payment = Betaling
invoice_settlement = Verrekening
invoice_notes = Opmerkingen
invoice_quote_number = Vermeld bij uw betaling { $number }.
invoice_quote_number_due = Vermeld bij uw betaling { $number }; te betalen uiterlijk { $date }.

## The billing note (what the invoice bills against its agreement; docket adds it to the notes).
invoice_billing_note = Gefactureerd onder { $agreement } vóór deze factuur: { $before }. Deze factuur: { $this }. Daarna resterend: { $remaining } van { $ceiling }.
# What was billed before: the amount and the invoices.
invoice_billing_before = { $amount } ({ $invoices })
invoice_billing_nothing = niets
