# The change order (templates/change-order.md, change-order.typ).

## Title block and what it amends.
# The word on the letterhead, set in capitals there.
change_order_heading = Change order
change_order_number = Change order no.
change_order_date = Date
change_order_requested_by = Requested by
change_order_client = Client
change_order_amends = Amends
# After "Amends" and "Adds" (the PDF capitalises the first letter), then the scope's key.
change_order_signed_scope = the signed scope
change_order_adds = Adds
change_order_new_scope = a new scope
# A label before its value in the Markdown copy ("Requested by: ...").
change_order_label_colon = { $label }:

## The changes and their impact.
change_order_changes = Changes against the signed scope
change_order_no_changes = No changes listed.
change_order_impact = Impact
change_order_price_impact = Price impact
change_order_schedule_impact = Schedule impact
change_order_to_be_agreed = To be agreed before this change order can be approved.

## Approvals and open questions.
change_order_approvals = Approvals
change_order_approvals_missing = Approvals still missing
# The badge beside "All approvals current.", printed as written (lower case in English).
change_order_approved = approved
change_order_all_approved = All approvals current.
change_order_not_approved = Not yet approved.
change_order_still_missing = Still missing:
change_order_open_questions = Open questions

## The engagement's tracks in this scope.
change_order_tracks = Tracks in this scope
change_order_track = Track
change_order_status = Status
change_order_owner = Owner
change_order_blocker = Blocker
# A track without a blocker (the Markdown copy prints it in lower case).
change_order_no_blocker = None
change_order_prepared_by = Prepared by { $name }.

## Acceptance.
change_order_acceptance = Acceptance
change_order_acceptance_text = By signing, the client accepts the changes and their impact above as an amendment to the signed scope; until then, the signed scope stands unchanged.
change_order_accepted_for_client = Accepted for the client
change_order_for_provider = For the provider
change_order_party = Party
change_order_signature = Signature
change_order_name_and_title = Name and title
change_order_signature_date = Date
# Under each signature line of the PDF.
change_order_signature_name_title = Signature · name and title

## A track's status as the data names it (`status = "draft-only"`); a status not listed
## here is printed as written.
change_order_status_active = active
change_order_status_blocked = blocked
change_order_status_draft-only = draft-only
change_order_status_done = done
