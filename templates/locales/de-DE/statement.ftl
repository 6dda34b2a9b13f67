# Kontoauszug. Referenz: templates/locales/en-US/statement.ftl.

statement_word = Kontoauszug
statement_label_colon = { $label }:
statement_number = Auszug Nr.
statement_date = Datum
statement_period = Zeitraum
statement_period_span = { $start } – { $end }
statement_from = Von
statement_to = An
statement_for = Kontoauszug für
statement_statement_date = Datum des Auszugs
statement_period_range = { $start } bis { $end }

statement_amount_due_now = Jetzt fällig
statement_of_open = von { $open } offen
statement_of_open_past_due = von { $open } offen; { $overdue } überfällig
statement_balance = Saldo { $amount }
statement_past_due = überfällig { $amount }
statement_no_invoices = Es wurde noch keine Rechnung gestellt.

statement_account_in = Konto in { $currency }
statement_col_date = Datum
statement_col_document = Beleg
statement_col_description = Beschreibung
statement_col_charges = Soll
statement_col_credits = Haben
statement_col_balance = Saldo
statement_col_balance_in = Saldo ({ $currency })
statement_opening_balance = Anfangssaldo
statement_closing_balance = Endsaldo
statement_invoice_due = Rechnung · fällig am { $date }

statement_open_invoices = Offene Rechnungen
statement_open_invoices_in = Offene Rechnungen ({ $currency })
statement_col_invoice = Rechnung
statement_col_issued = Ausgestellt
statement_col_due = Fällig
statement_col_amount = Betrag
statement_col_open = Offen
statement_col_state = Status
statement_state_days = { $state }, { $days } Tage
statement_overdue_days = überfällig · { $days } Tage

statement_aging_in = Fälligkeitsstruktur ({ $currency })
statement_notes = Hinweise
statement_quote_numbers = Bitte geben Sie bei Ihrer Zahlung die Rechnungsnummern an.
statement_records_differ = Sollten Ihre Unterlagen von diesem Auszug abweichen, teilen Sie uns dies bitte mit.
statement_records_differ_at = Sollten Ihre Unterlagen von diesem Auszug abweichen, teilen Sie uns dies bitte unter { $email } mit.


statement_line_invoice = Rechnung, fällig am { $due }
statement_line_credit_note = Gutschrift zu { $invoice }
statement_line_payment = Zahlung: { $invoices }
statement_line_payment_by = Zahlung ({ $method }): { $invoices }

statement_state_issued = ausgestellt
statement_state_partly_paid = teilweise bezahlt
statement_state_paid = bezahlt
statement_state_overdue = überfällig
statement_state_credited = gutgeschrieben

statement_aging_current = Nicht fällig
statement_aging_1_30 = 1–30 Tage
statement_aging_31_60 = 31–60 Tage
statement_aging_61_90 = 61–90 Tage
statement_aging_over_90 = Über 90 Tage
