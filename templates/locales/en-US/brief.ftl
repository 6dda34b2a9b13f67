# Requirements brief (templates/brief.md and brief.typ): the discovery facts both sides
# agreed, before any proposal. Reference locale: every other locale has each message here.

## Letterhead and title block.
brief_letterhead = Requirements Brief
brief_number = Brief no.
brief_date = Date

## Who it is for, which engagement.
brief_prepared_for = Prepared for
# The Markdown's opening line; the template adds " (who prepared it)" or a full stop.
brief_prepared_for_by = Prepared for { $client } by { $provider }
brief_attention = Attn. { $sponsor }
brief_engagement = Engagement
brief_engagement_line = Engagement: { $workflow }
brief_discovery_by = Discovery by { $provider }
brief_prepared_by = Prepared by { $name }

## Open facts (TBD is printed as is: it is how every open value shows).
brief_open_facts = Open facts are marked TBD: confirm them before a proposal relies on them.
brief_open_one = One fact is still open. They are marked TBD below and must be confirmed before a proposal relies on them.
brief_open_many = { $count } facts are still open. They are marked TBD below and must be confirmed before a proposal relies on them.

## Sections.
brief_problem = Problem
brief_goal = Goal
brief_current_process = Current process
brief_monthly_volume = Monthly volume
brief_monthly_volume_line = Monthly volume: { $volume }
brief_systems = Systems
brief_success_metrics = Success metrics
brief_constraints = Constraints
brief_out_of_scope = Out of scope
brief_stakeholders = Stakeholders
brief_stakeholder_name = Name
brief_stakeholder_role = Role

## Closing line.
brief_not_a_proposal = These are discovery facts. They are not a proposal.
