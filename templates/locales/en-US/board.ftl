# The status board (output/index.html and each engagement's index.html), in the language of
# the people who read it: `[board] locale` in rules.toml, en-US when not given. The
# documents listed on it keep their own engagement's locale. Invoice states and aging
# headings come from statement.ftl.

## Words used on both pages.
board_final = final
board_draft = draft
board_blocked = blocked
board_not_started = not started
board_none = none
board_none_sentence = None.
board_engagement = Engagement
board_client = Client
board_stage = Stage
board_owner = Owner
board_document = Document
board_ask = Ask
board_owed = Owed
board_next = Next

## The portfolio (output/index.html).
board_title = docket: engagements
board_engagements = Engagements
board_needs_script = This page needs JavaScript to list the engagements; each engagement's own page (its folder's index.html) works without it.
board_find = Find
board_search = Search
board_search_placeholder = engagement, client, owner, approval
board_all_clients = All clients
board_all_stages = All stages
board_decision = Decision
board_any_decision = Any decision
board_has_blocked = has something blocked
board_has_draft = has a draft
board_has_final = has a final document
board_has_not_started = has stages not started
board_all_owners = All owners
board_portfolio = Portfolio
board_portfolio_caption = One row per engagement, one column per lifecycle stage and the security overlay: ✓ final, ✎ draft, ✕ blocked, dashed: not started.
board_waiting_on = Waiting on
board_waiting_caption = Every draft or blocked document, with what it waits for and whom to ask, oldest first.
board_since = Since
board_days = Days
board_waits_for = Waits for
# The line above the portfolio; the page fills in the figures as filters change.
board_counts = { $shown } of { $total } engagements: { $final } final, { $draft } draft, { $blocked } blocked documents
board_nothing_owed = Nothing is owed: every issued invoice is paid or credited.
board_owed_caption = { $open } open, { $overdue } past due, over { $count ->
    [one] one engagement
   *[other] { $count } engagements
}
board_aging_of = Aging of what is open in { $currency }
# A row's amount owed, with what of it is past due.
board_owed_past_due = { $open } ({ $overdue } past due, { $days ->
    [one] one day
   *[other] { $days } days
})
board_document_locale = Documents in { $locale }

## An engagement's page.
board_all_engagements = All engagements
board_lifecycle_stage = Lifecycle stage
board_next_owner = owner: { $owner }
board_warning = Warning:
board_blockers = Blockers
board_holds_up = Holds up
board_blocker = Blocker
board_invoices = Invoices
board_invoice = Invoice
board_state = State
board_issued = Issued
board_due = Due
board_days_overdue = Days overdue
board_amount = Amount
board_paid = Paid
board_credited = Credited
board_open = Open
board_reminders_sent = Reminders sent
board_no_invoice = No invoice issued yet.
board_stages = Stages
board_where_it_stands = Where it stands
board_gate_before_next = Gate before next
board_current = (current)
board_documents = Documents
board_page_one_of = Page 1 of the { $title }
board_approvals = Approvals
board_gate = Gate
board_counts_as = Counts as
board_recorded = Recorded
board_approver = Approver
board_permits = Permits
board_evidence = Evidence
board_scope = Scope
board_note = Note
board_none_named = none named
board_tracks = Tracks
board_track = Track
board_status = Status
board_open_questions = Open questions
board_question_tbd = { $field } is TBD

## Signed approvals and requests.
board_unverified = Approvals are unverified: this folder's rules take a named approver and evidence on their word (trust = "evidence"). Sign approvals to verify them.
board_signed_by = signed by
board_attesting = attesting
board_requests = Requests
board_requests_intro = Asked, not approved: each counts once a person who may grant it signs.
board_asks_for = Asks for
board_asked_by = Asked by
board_why = Why
board_can_grant = Can grant
board_they_run = They run
board_nobody = nobody in the roster
