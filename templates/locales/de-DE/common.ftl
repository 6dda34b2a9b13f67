# Gemeinsame Wörter aller Dokumente. Referenz: templates/locales/en-US/common.ftl.

## Dokumenttitel.
title_brief = Anforderungsprofil
title_proposal = Pilotangebot
title_agreement = Vertrag
title_launch_checklist = Checkliste zur Einführungsbereitschaft
title_security_memo = Sicherheitsfreigabe
title_health_scorecard = Kundenstatus und Quartalsbericht
title_case_study = Fallstudie
title_invoice = Rechnung
title_credit_note = Gutschrift
title_statement = Kontoauszug
title_reminder = Zahlungserinnerung
title_email_sequence = E-Mail-Sequenz
title_envelope = Briefumschlag
title_certificate = Abschlussbescheinigung
title_change_order = Änderungsauftrag

## Entwurfskennzeichnung.
draft_banner = ENTWURF: nicht zur Verwendung freigegeben.
draft_missing = Fehlende Freigaben und Angaben:
draft_watermark = ENTWURF
draft_missing_approval = Freigabe „{ $gate }“ für { $action } (Umfang { $scope })
draft_missing_fact = Angabe { $field } ist noch offen
draft_missing_einvoice = E-Rechnung: { $what }

## Seitenelemente und kleine Wörter.
page_of = Seite { $page } von { $total }
tax_id = USt-IdNr.
list_none = Keine.
none_recorded = Keine Einträge.
