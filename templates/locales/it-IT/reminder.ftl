# Sollecito di pagamento. Oggetto e paragrafi dei livelli sono il testo delle regole. Riferimento: templates/locales/en-US/reminder.ftl.

reminder_word = Sollecito
reminder_label_colon = { $label }:
reminder_reference = Riferimento
reminder_date = Data
reminder_invoice = Fattura
reminder_stage = Livello
reminder_stage_of = { $number } di { $total }
reminder_from = Da
reminder_to = A
reminder_which = sollecito { $number } di { $total }: { $stage }

reminder_col_invoice = Fattura
reminder_col_issued = Emessa
reminder_col_due = Scadenza
reminder_col_days_past_due = Giorni di ritardo
reminder_col_amount = Importo
reminder_col_amount_in = Importo ({ $currency })
reminder_col_paid = Pagato
reminder_col_credited = Stornato
reminder_col_open_in = Da saldare ({ $currency })
reminder_open_amount = Importo da saldare

reminder_payment = Pagamento
reminder_quote_number = Vi preghiamo di indicare { $invoice } nel pagamento.
reminder_regards = Cordiali saluti,



reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Fattura { $invoice } del { $issued }, scaduta il { $due }: { $open } da saldare ({ $days } giorni di ritardo).
reminder_email_payment = Pagamento: { $remittance }
reminder_accounts_payable = Ufficio contabilità fornitori, { $client }
