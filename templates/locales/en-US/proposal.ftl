# The proposal (templates/proposal.md, proposal.typ).

## Title block and who it is for.
# The word on the letterhead, set in capitals there.
proposal_heading = Proposal
proposal_number = Proposal no.
proposal_date = Date
proposal_currency = Currency
proposal_prepared_for = Prepared for
proposal_attn = Attn. { $name }
proposal_proposed = Proposed
# Under what is proposed: the document's title and the provider's legal name.
proposal_title_by = { $title } by { $provider }
proposal_prepared_by = Prepared by
# The Markdown copy's opening line (the template adds the full stop).
proposal_prepared_by_for = Prepared by { $provider } for { $client }
# A label before its value in the Markdown copy ("Fixed fee: ...").
proposal_label_colon = { $label }:

## Sections.
proposal_executive_summary = Executive summary
proposal_in_scope = In scope
proposal_out_of_scope = Out of scope
proposal_deliverables = Deliverables
proposal_timeline = Timeline
proposal_no_phases = No phases recorded yet.

## The timeline.
proposal_phase = Phase
proposal_length = Length
# The Markdown table's column of lengths.
proposal_weeks = Weeks
proposal_week_count_one = { $count } week
proposal_week_count = { $count } weeks
proposal_total = Total
proposal_weeks_from_start = Weeks from the start of work
proposal_weeks_from_start_open = Weeks from the start of work; a phase without a bar has no agreed length yet

## Price and acceptance.
proposal_price_and_terms = Price and payment terms
proposal_fixed_fee = Fixed fee
proposal_payment_terms = Payment terms
proposal_acceptance = Acceptance
proposal_not_a_contract = This proposal is not a contract. Work starts only under a signed agreement.
