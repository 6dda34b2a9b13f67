# Rechnungen und Gutschriften.

## Kopf und Parteien.
invoice_word = Rechnung
invoice_credit_word = Gutschrift
invoice_number = Rechnungsnr.
invoice_credit_number = Gutschriftnr.
invoice_number_long = Rechnungsnummer
invoice_credit_number_long = Gutschriftnummer
invoice_assigned_when_issued = wird bei Ausstellung vergeben
invoice_corrects = Korrigiert Rechnung
invoice_issue_date = Rechnungsdatum
invoice_due_date = Fällig am
invoice_terms = Zahlungsbedingungen
invoice_po = Bestellnr.
invoice_purchase_order = Bestellnummer
invoice_agreement = Vertrag
invoice_from = Von
invoice_bill_to = Rechnungsempfänger
invoice_for = Leistung
invoice_credit_for = Gutschrift für
invoice_supply_period = Leistungszeitraum
invoice_reason = Grund
invoice_tax_id_of = USt-IdNr. { $id }
invoice_credit_intro = Gutschrift zur Rechnung { $invoice }. Die Beträge sind negativ: Sie mindern den offenen Betrag.

## Positionen und Summen.
invoice_lines = Positionen
invoice_totals = Summen
invoice_description = Beschreibung
invoice_quantity = Menge
invoice_qty = Menge
invoice_unit_price = Einzelpreis
invoice_discount = Rabatt
invoice_tax = USt.
invoice_amount = Betrag ({ $currency })
invoice_subtotal = Zwischensumme
invoice_tax_name = USt.
invoice_tax_line = { $tax } { $rate } auf { $base }
invoice_rounding = Rundung
invoice_total = Gesamtbetrag
invoice_paid = Bezahlt: { $what }
invoice_refunded = Erstattet: { $what }
invoice_amount_due = Zahlbetrag
invoice_amount_credited = Gutgeschriebener Betrag

## Zahlung.
invoice_payment = Zahlung
invoice_settlement = Ausgleich
invoice_notes = Hinweise
invoice_quote_number = Bitte geben Sie bei der Zahlung { $number } an.
invoice_quote_number_due = Bitte geben Sie bei der Zahlung { $number } an, fällig am { $date }.

## The billing note (what the invoice bills against its agreement; docket adds it to the notes).
invoice_billing_note = Abgerechnet unter { $agreement } vor dieser Rechnung: { $before }. Diese Rechnung: { $this }. Danach verbleibend: { $remaining } von { $ceiling }.
# What was billed before: the amount and the invoices.
invoice_billing_before = { $amount } ({ $invoices })
invoice_billing_nothing = nichts
