# Security signoff memo (templates/security-memo.md and security-memo.typ): the memo a
# security reviewer sends the client sponsor. Reference locale: every other locale has each
# message here. The decision itself (GO, Conditional GO, NO-GO) is the reviewer's own text
# and prints as written.

## Letterhead and memo header.
security_memo_letterhead = Memo
security_memo_number = Memo no.
security_memo_date = Date
security_memo_to = To
security_memo_from = From
security_memo_re = Re
security_memo_ref = Ref
# The same labels in the Markdown, with their colon.
security_memo_md_to = To:
security_memo_md_from = From:
security_memo_md_date = Date:
security_memo_md_re = Re:
security_memo_md_ref = Ref:
# Who sends it: the team alone, or after the reviewer's name ("Lena Hoffmann, security review").
security_memo_review = Security review
security_memo_reviewer_role = security review
security_memo_subject = Security signoff: { $scope }

## The decision.
security_memo_decision = Decision
security_memo_decision_heading = Decision: { $decision }
security_memo_meaning_go = Cleared for launch within the reviewed scope.
security_memo_meaning_conditional_one = Cleared for launch within the reviewed scope once the condition below is met.
security_memo_meaning_conditional_other = Cleared for launch within the reviewed scope once the conditions below are met.
security_memo_meaning_nogo = Not cleared for launch.
security_memo_condition = Condition
security_memo_conditions = Conditions
security_memo_conditions_intro = Conditions:
security_memo_no_conditions = No conditions attached.

## Scope.
security_memo_scope = Scope of the review
security_memo_reviewed = Reviewed
security_memo_not_reviewed = Not reviewed
security_memo_md_reviewed = Reviewed:
security_memo_md_not_reviewed = Not reviewed:
security_memo_nothing_excluded = Nothing excluded.
security_memo_scope_note = This signoff covers the reviewed scope only. Anything outside it needs a review of its own.

## Risk register.
security_memo_risks = Risk register
security_memo_no_risks = No risks recorded.
security_memo_col_id = ID
security_memo_col_risk = Risk
security_memo_col_owner = Owner
security_memo_col_status = Status
# A risk's status as the register writes it (any other status is printed as written).
security_memo_risk_open = open
security_memo_risk_closed = closed
security_memo_risk_resolved = resolved
security_memo_risk_accepted = accepted
security_memo_risk_mitigated = mitigated
security_memo_risk_mitigating = mitigating
security_memo_risk_in_progress = in progress

## Signoff.
security_memo_signoff = Reviewer signoff
security_memo_reviewer = Security reviewer
security_memo_signoff_role = Security review, { $provider }
