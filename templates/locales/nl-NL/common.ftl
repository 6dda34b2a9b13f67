# Woorden die alle documenten delen. Referentie: templates/locales/en-US/common.ftl.

## Documenttitels.
title_brief = Eisendocument
title_proposal = Pilotvoorstel
title_agreement = Overeenkomst
title_launch_checklist = Checklist livegang
title_security_memo = Memo beveiligingsgoedkeuring
title_health_scorecard = Klantscorekaart en kwartaalreview
title_case_study = Praktijkvoorbeeld
title_invoice = Factuur
title_credit_note = Creditnota
title_statement = Rekeningoverzicht
title_reminder = Betalingsherinnering
title_email_sequence = E-mailreeks
title_envelope = Envelop
title_certificate = Certificaat van voltooiing
title_change_order = Wijzigingsopdracht

## Conceptmarkering.
draft_banner = CONCEPT: niet goedgekeurd voor gebruik.
draft_missing = Ontbrekende goedkeuringen en gegevens:
draft_watermark = CONCEPT
draft_missing_approval = goedkeuring „{ $gate }” voor { $action } (scope { $scope })
draft_missing_fact = gegeven { $field } is nog onbekend
draft_missing_einvoice = e-factuur: { $what }

## Pagina-elementen en kleine woorden.
page_of = Pagina { $page } van { $total }
tax_id = Btw-nr.
list_none = Geen.
none_recorded = Niets vastgelegd.
