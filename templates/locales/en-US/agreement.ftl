# The agreement (templates/agreement.md, agreement.typ).

## Title block.
# The word on the letterhead, set in capitals there.
agreement_heading = Agreement
agreement_number = Agreement no.
agreement_date = Date
agreement_accepts_proposal = Accepts proposal
# The Markdown copy's opening line.
agreement_accepts_proposal_line = Accepts proposal { $proposal }.
# A label before its value in the Markdown copy ("Deposit received: ...").
agreement_label_colon = { $label }:

## The parties.
agreement_parties = Parties
# The provider's and the client's legal names (set in bold), each followed by its address
# as ", street, city" (empty when unknown). The template adds the full stop.
agreement_parties_sentence = This agreement is made between { $provider } (provider){ $provider_address } and { $client } (client){ $client_address }

## The clauses.
agreement_terms = Terms
agreement_scope = Scope
agreement_term = Term
agreement_fees = Fees and payment
agreement_fees_text = The client pays the provider a fixed fee. The deposit is due on signature of this agreement.
agreement_item = Item
agreement_amount = Amount
agreement_fixed_fee = Fixed fee
agreement_deposit_due = Deposit due on signature
agreement_deposit_received = Deposit received
agreement_exclusions = Exclusions
agreement_not_covered = This agreement does not cover:
agreement_precedence = Order of precedence
agreement_precedence_text = This agreement accepts proposal { $proposal }. Where they conflict, this agreement prevails.
agreement_launch = Launch
agreement_launch_text = This agreement does not by itself authorize launch; launch needs security signoff.

## Signatures.
agreement_signatures = Signatures
agreement_signed_for_each = Signed for each party by its authorized representative.
agreement_no_signatories = No signatories recorded.
agreement_party = Party
# The signatory's party, above the signature line ("For Northwind Trading Co.").
agreement_for = For
agreement_signature = Signature
agreement_name = Name
# The signatory's position in their organisation.
agreement_job_title = Title
agreement_signed_on = Signed on
agreement_signature_date = Date
