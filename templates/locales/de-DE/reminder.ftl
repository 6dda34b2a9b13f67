# Zahlungserinnerung. Betreff und Absätze der Stufen sind der Text der Regeln. Referenz: templates/locales/en-US/reminder.ftl.

reminder_word = Zahlungserinnerung
reminder_label_colon = { $label }:
reminder_reference = Referenz
reminder_date = Datum
reminder_invoice = Rechnung
reminder_stage = Stufe
reminder_stage_of = { $number } von { $total }
reminder_from = Von
reminder_to = An
reminder_which = Erinnerung { $number } von { $total }: { $stage }

reminder_col_invoice = Rechnung
reminder_col_issued = Ausgestellt
reminder_col_due = Fällig
reminder_col_days_past_due = Tage überfällig
reminder_col_amount = Betrag
reminder_col_amount_in = Betrag ({ $currency })
reminder_col_paid = Bezahlt
reminder_col_credited = Gutgeschrieben
reminder_col_open_in = Offen ({ $currency })
reminder_open_amount = Offener Betrag

reminder_payment = Zahlung
reminder_quote_number = Bitte geben Sie bei Ihrer Zahlung { $invoice } an.
reminder_regards = Mit freundlichen Grüßen



reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Rechnung { $invoice } vom { $issued }, fällig am { $due }: { $open } offen ({ $days } Tage überfällig).
reminder_email_payment = Zahlung: { $remittance }
reminder_accounts_payable = Kreditorenbuchhaltung, { $client }
