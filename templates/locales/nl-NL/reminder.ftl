# Betalingsherinnering. Onderwerp en alinea’s van de fasen zijn de tekst van de regels. Referentie: templates/locales/en-US/reminder.ftl.

reminder_word = Herinnering
reminder_label_colon = { $label }:
reminder_reference = Referentie
reminder_date = Datum
reminder_invoice = Factuur
reminder_stage = Fase
reminder_stage_of = { $number } van { $total }
reminder_from = Van
reminder_to = Aan
reminder_which = herinnering { $number } van { $total }: { $stage }

reminder_col_invoice = Factuur
reminder_col_issued = Factuurdatum
reminder_col_due = Vervaldatum
reminder_col_days_past_due = Dagen vervallen
reminder_col_amount = Bedrag
reminder_col_amount_in = Bedrag ({ $currency })
reminder_col_paid = Betaald
reminder_col_credited = Gecrediteerd
reminder_col_open_in = Open ({ $currency })
reminder_open_amount = Openstaand bedrag

reminder_payment = Betaling
reminder_quote_number = Vermeld bij uw betaling { $invoice }.
reminder_regards = Met vriendelijke groet,



reminder_email_subject = { $subject } { $invoice }
reminder_email_figures = Factuur { $invoice } van { $issued }, vervallen op { $due }: { $open } openstaand ({ $days } dagen na de vervaldatum).
reminder_email_payment = Betaling: { $remittance }
reminder_accounts_payable = Crediteurenadministratie, { $client }
