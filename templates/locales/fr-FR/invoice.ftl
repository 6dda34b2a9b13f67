# Factures et avoirs.

## En-tête et parties.
invoice_word = Facture
invoice_credit_word = Avoir
invoice_number = Facture n°
invoice_credit_number = Avoir n°
invoice_number_long = Numéro de facture
invoice_credit_number_long = Numéro d’avoir
invoice_assigned_when_issued = attribué à l’émission
invoice_corrects = Rectifie la facture
invoice_issue_date = Date de facture
invoice_due_date = Échéance
invoice_terms = Conditions
invoice_po = Bon de commande
invoice_purchase_order = Bon de commande
invoice_agreement = Contrat
invoice_from = Émetteur
invoice_bill_to = Facturé à
invoice_for = Objet
invoice_credit_for = Avoir pour
invoice_supply_period = Période de prestation
invoice_reason = Motif
invoice_tax_id_of = n° TVA { $id }
invoice_credit_intro = Avoir relatif à la facture { $invoice }. Les montants sont négatifs : ils réduisent le montant dû.

## Lignes et totaux.
invoice_lines = Lignes
invoice_totals = Totaux
invoice_description = Désignation
invoice_quantity = Quantité
invoice_qty = Qté
invoice_unit_price = Prix unitaire
invoice_discount = Remise
invoice_tax = TVA
invoice_amount = Montant ({ $currency })
invoice_subtotal = Total HT
invoice_tax_name = TVA
invoice_tax_line = { $tax } { $rate } sur { $base }
invoice_rounding = Arrondi
invoice_total = Total TTC
invoice_paid = Payé : { $what }
invoice_refunded = Remboursé : { $what }
invoice_amount_due = Net à payer
invoice_amount_credited = Montant crédité

## Paiement.
invoice_payment = Paiement
invoice_settlement = Règlement
invoice_notes = Remarques
invoice_quote_number = Merci d’indiquer { $number } avec votre paiement.
invoice_quote_number_due = Merci d’indiquer { $number } avec votre paiement, à régler au plus tard le { $date }.

## The billing note (what the invoice bills against its agreement; docket adds it to the notes).
invoice_billing_note = Facturé au titre de { $agreement } avant cette facture : { $before }. Cette facture : { $this }. Reste à facturer ensuite : { $remaining } sur { $ceiling }.
# What was billed before: the amount and the invoices.
invoice_billing_before = { $amount } ({ $invoices })
invoice_billing_nothing = rien
