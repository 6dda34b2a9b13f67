# Relevé de compte. Référence : templates/locales/en-US/statement.ftl.

statement_word = Relevé de compte
statement_label_colon = { $label } :
statement_number = Relevé n°
statement_date = Date
statement_period = Période
statement_period_span = { $start } – { $end }
statement_from = De
statement_to = À
statement_for = Relevé pour
statement_statement_date = Date du relevé
statement_period_range = du { $start } au { $end }

statement_amount_due_now = Montant exigible
statement_of_open = sur { $open } restant dû
statement_of_open_past_due = sur { $open } restant dû ; { $overdue } échu
statement_balance = Solde { $amount }
statement_past_due = échu { $amount }
statement_no_invoices = Aucune facture n’a encore été émise.

statement_account_in = Compte en { $currency }
statement_col_date = Date
statement_col_document = Pièce
statement_col_description = Libellé
statement_col_charges = Débit
statement_col_credits = Crédit
statement_col_balance = Solde
statement_col_balance_in = Solde ({ $currency })
statement_opening_balance = Solde d’ouverture
statement_closing_balance = Solde de clôture
statement_invoice_due = Facture · échéance le { $date }

statement_open_invoices = Factures non réglées
statement_open_invoices_in = Factures non réglées ({ $currency })
statement_col_invoice = Facture
statement_col_issued = Émise le
statement_col_due = Échéance
statement_col_amount = Montant
statement_col_open = Reste dû
statement_col_state = État
statement_state_days = { $state }, { $days } jours
statement_overdue_days = en retard · { $days } jours

statement_aging_in = Balance âgée ({ $currency })
statement_notes = Remarques
statement_quote_numbers = Merci d’indiquer les numéros de facture avec votre paiement.
statement_records_differ = Si vos écritures diffèrent de ce relevé, merci de nous le signaler.
statement_records_differ_at = Si vos écritures diffèrent de ce relevé, merci de nous le signaler à { $email }.


statement_line_invoice = Facture, échéance le { $due }
statement_line_credit_note = Avoir sur { $invoice }
statement_line_payment = Paiement : { $invoices }
statement_line_payment_by = Paiement ({ $method }) : { $invoices }

statement_state_issued = émise
statement_state_partly_paid = partiellement payée
statement_state_paid = payée
statement_state_overdue = en retard
statement_state_credited = annulée par avoir

statement_aging_current = Non échu
statement_aging_1_30 = 1–30 jours
statement_aging_31_60 = 31–60 jours
statement_aging_61_90 = 61–90 jours
statement_aging_over_90 = Plus de 90 jours
