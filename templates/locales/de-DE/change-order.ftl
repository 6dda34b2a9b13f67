# Der Änderungsauftrag (templates/change-order.md, change-order.typ). Referenz: templates/locales/en-US/change-order.ftl.

## Titelblock und was geändert wird.
change_order_heading = Änderungsauftrag
change_order_number = Änderungs-Nr.
change_order_date = Datum
change_order_requested_by = Angefordert von
change_order_client = Auftraggeber
change_order_amends = Ändert
# Nach „Ändert“ und „Ergänzt“ (im PDF mit großem Anfangsbuchstaben), dann der Schlüssel des Umfangs.
change_order_signed_scope = den unterzeichneten Leistungsumfang
change_order_adds = Ergänzt
change_order_new_scope = einen neuen Leistungsumfang
change_order_label_colon = { $label }:

## Änderungen und Auswirkungen.
change_order_changes = Änderungen gegenüber dem unterzeichneten Leistungsumfang
change_order_no_changes = Keine Änderungen aufgeführt.
change_order_impact = Auswirkungen
change_order_price_impact = Auswirkung auf den Preis
change_order_schedule_impact = Auswirkung auf den Zeitplan
change_order_to_be_agreed = Vor der Freigabe dieses Änderungsauftrags zu vereinbaren.

## Freigaben und offene Fragen.
change_order_approvals = Freigaben
change_order_approvals_missing = Noch fehlende Freigaben
change_order_approved = freigegeben
change_order_all_approved = Alle Freigaben liegen vor.
change_order_not_approved = Noch nicht freigegeben.
change_order_still_missing = Es fehlen noch:
change_order_open_questions = Offene Fragen

## Arbeitsstränge in diesem Leistungsumfang.
change_order_tracks = Arbeitsstränge in diesem Leistungsumfang
change_order_track = Arbeitsstrang
change_order_status = Status
change_order_owner = Verantwortlich
change_order_blocker = Hindernis
change_order_no_blocker = Keines
change_order_prepared_by = Erstellt von { $name }.

## Annahme.
change_order_acceptance = Annahme
change_order_acceptance_text = Mit seiner Unterschrift nimmt der Auftraggeber die oben genannten Änderungen und ihre Auswirkungen als Nachtrag zum unterzeichneten Leistungsumfang an; bis dahin gilt der unterzeichnete Leistungsumfang unverändert.
change_order_accepted_for_client = Angenommen für den Auftraggeber
change_order_for_provider = Für den Auftragnehmer
change_order_party = Partei
change_order_signature = Unterschrift
change_order_name_and_title = Name und Funktion
change_order_signature_date = Datum
change_order_signature_name_title = Unterschrift · Name und Funktion

## A track's status as the data names it (`status = "draft-only"`); a status not listed
## here is printed as written.
change_order_status_active = aktiv
change_order_status_blocked = blockiert
change_order_status_draft-only = nur Entwurf
change_order_status_done = erledigt
