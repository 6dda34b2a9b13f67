# Words every document shares: titles, the draft marking, the page furniture.
#
# This is the reference locale: every other locale (templates/locales/<tag>/) has each file
# here with each of its messages, and `docket check` names any that is missing. A `{ $name }`
# is a value docket or the template fills in; a translation may leave one out.

## Document titles (the rules' `title` is used for a kind without one here).
title_brief = Requirements Brief
title_proposal = Pilot Proposal
title_agreement = Agreement
title_launch_checklist = Launch Readiness Checklist
title_security_memo = Security Signoff Memo
title_health_scorecard = Health Scorecard and QBR
title_case_study = Case Study
title_invoice = Milestone Invoice
title_credit_note = Credit Note
title_statement = Statement of Account
title_reminder = Payment Reminder
title_email_sequence = Outbound Email Sequence
title_envelope = #10 Envelope
title_certificate = Certificate of Completion
title_change_order = Change Order

## The draft marking.
draft_banner = DRAFT: not approved for use.
draft_missing = Missing approvals and facts:
draft_watermark = DRAFT
draft_missing_approval = { $gate } approval to { $action } (scope { $scope }): { $found }
draft_missing_fact = fact { $field } is TBD
draft_missing_einvoice = e-invoice: { $what }

## Page furniture and small words.
page_of = Page { $page } of { $total }
tax_id = Tax ID
list_none = None.
none_recorded = None recorded.
