# Relance de paiement. L’objet et les paragraphes des niveaux sont le texte des règles. Référence : templates/locales/en-US/reminder.ftl.

reminder_word = Relance
reminder_label_colon = { $label } :
reminder_reference = Référence
reminder_date = Date
reminder_invoice = Facture
reminder_stage = Niveau
reminder_stage_of = { $number } sur { $total }
reminder_from = De
reminder_to = À
reminder_which = relance { $number } sur { $total } : { $stage }

reminder_col_invoice = Facture
reminder_col_issued = Émise le
reminder_col_due = Échéance
reminder_col_days_past_due = Jours de retard
reminder_col_amount = Montant
reminder_col_amount_in = Montant ({ $currency })
reminder_col_paid = Payé
reminder_col_credited = Avoirs
reminder_col_open_in = Reste dû ({ $currency })
reminder_open_amount = Reste dû

reminder_payment = Paiement
reminder_quote_number = Merci d’indiquer { $invoice } avec votre paiement.
reminder_regards = Cordialement,



reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Facture { $invoice } du { $issued }, échéance le { $due } : { $open } restant dû ({ $days } jours de retard).
reminder_email_payment = Paiement : { $remittance }
reminder_accounts_payable = Comptabilité fournisseurs, { $client }
