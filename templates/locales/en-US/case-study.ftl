# Case study (templates/case-study.md and case-study.typ): a one-page client story.
# Reference locale: every other locale has each message here.

## Letterhead and title block.
case_study_letterhead = Case Study
case_study_number = Case study no.
case_study_date = Date
case_study_client = Client

## Headline.
case_study_story = Client story · { $client }
# Before the headline while it is still TBD.
case_study_headline = Headline

## The story.
case_study_challenge = The challenge
case_study_solution = The solution
case_study_results = The results
case_study_at_a_glance = At a glance
case_study_project = Project
case_study_delivered_by = Delivered by
case_study_prepared_by = Prepared by

## The client's quote.
case_study_in_their_words = In the client's words
# While the quote is still TBD.
case_study_quote_pending = Client quote: { $quote }
case_study_quote_approval = Published only once the client approves its wording.

## The Markdown's opening line (its parts joined by " · ") and closing sentence.
case_study_md_client = Client: { $client }
case_study_md_project = Project: { $workflow }
case_study_md_delivered_by = Delivered by { $provider }
case_study_prepared_by_sentence = Prepared by { $name }.
