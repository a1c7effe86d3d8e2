"""Directory: organisations (create, edit, verify, merge), memberships (join, leave,
decide) and links (propose, answer)."""

from __future__ import annotations

from headstart.accounts.models import User
from headstart.directory.models import Link, LinkEvent, Membership, Organisation
from tests.security.mass.harness import LONG_AGO, covers, injected

ORG_FORM = {"name": "Employment Office Skopje", "acronym": "EOS", "kind": "employment_service",
            "side": "origin", "country": "MK", "city": "Skopje", "services": "job_matching",
            "website": "https://eos.example.org", "contact_email": "info@eos.example.org",
            "contact_phone": "+389 2 000 000", "description": "Jobs and counselling.",
            "corridors": "MK-DE"}
#: What nobody but a coordinator (verify, merge) or the server sets on an organisation.
GUARDED = {"verified", "verified_at", "verified_by_id", "merged_into_id", "created_by_id",
           "created_at", "id"}


@covers("/directory/new")
def a_new_organisation_is_unverified_and_its_creator_its_only_member(env):
    actor, other = env.user("a"), env.user("other")
    response = env.post("a", "/directory/new", {**injected(env), **ORG_FORM})
    assert response.status_code == 302
    (created,) = env.rows(Organisation, Organisation.name == ORG_FORM["name"])
    assert (created["verified"], created["verified_at"], created["verified_by_id"],
            created["merged_into_id"], created["created_by_id"]) == (
        False, None, None, None, actor.id)
    assert created["id"] != 999999
    assert created["created_at"].year > 2000
    members = env.rows(Membership, Membership.organisation_id == created["id"])
    assert [(m["user_id"], m["status"]) for m in members] == [(actor.id, "active")]
    assert env.rows(Membership, Membership.user_id == other.id) == []


@covers("/directory/<int:organisation_id>/edit")
def a_member_edits_the_profile_but_not_the_badge_or_the_history(env):
    mine, theirs = env.org("a"), env.org("b")
    before, theirs_before = env.row(Organisation, mine.id), env.row(Organisation, theirs.id)
    response = env.post("a", f"/directory/{mine.id}/edit", {
        **injected(env, id=str(theirs.id)), **ORG_FORM, "name": mine.name, "country": "MD",
        "website": "", "description": "Edited."})
    assert response.status_code == 302
    changed = env.changed(Organisation, mine.id, before)
    assert "description" in changed
    assert not changed & GUARDED
    assert env.changed(Organisation, theirs.id, theirs_before) == set()


@covers("/directory/<int:organisation_id>/<any(verify, unverify):action>")
def a_coordinator_verifies_in_their_own_name(env):
    organisation, coordinator = env.org("a"), env.user("coordinator")
    before = env.row(Organisation, organisation.id)
    response = env.post("coordinator", f"/directory/{organisation.id}/verify", {
        **injected(env, verified_at=LONG_AGO, name="Forged")})
    assert response.status_code == 302
    assert env.changed(Organisation, organisation.id, before) <= {
        "verified", "verified_at", "verified_by_id", "updated_at"}
    after = env.row(Organisation, organisation.id)
    assert (after["verified"], after["verified_by_id"]) == (True, coordinator.id)
    assert after["verified_at"].year > 2000


@covers("/directory/<int:organisation_id>/merge")
def a_merge_goes_into_the_chosen_target_only(env):
    duplicate, target, bystander = env.org("c"), env.org("a"), env.org("b")
    bystander_before = env.row(Organisation, bystander.id)
    response = env.post("coordinator", f"/directory/{duplicate.id}/merge", {
        **injected(env, merged_into_id=str(bystander.id), id=str(bystander.id)),
        "target": str(target.id)})
    assert response.status_code == 302
    assert env.row(Organisation, duplicate.id)["merged_into_id"] == target.id
    assert env.row(Organisation, target.id)["merged_into_id"] is None
    assert env.changed(Organisation, bystander.id, bystander_before) == set()


@covers("/directory/<int:organisation_id>/join")
def a_join_request_is_pending_for_the_actor_and_the_organisation_in_the_address(env):
    organisation, actor = env.org("a"), env.user("other")
    env.org("b")
    response = env.post("other", f"/directory/{organisation.id}/join", {
        **injected(env, user_id=str(env.user("b").id), status="active")})
    assert response.status_code == 302
    mine = env.rows(Membership, Membership.user_id == actor.id)
    assert [(m["organisation_id"], m["status"], m["decided_by_id"]) for m in mine] == [
        (organisation.id, "pending", None)]


@covers("/directory/<int:organisation_id>/leave")
def leaving_ends_only_the_actors_own_membership(env):
    organisation, stayer = env.org("a"), env.user("other")
    env.add(Membership(user_id=stayer.id, organisation_id=organisation.id, status="active"))
    response = env.post("a", f"/directory/{organisation.id}/leave", {
        **injected(env, user_id=str(stayer.id))})
    assert response.status_code == 302
    members = env.rows(Membership, Membership.organisation_id == organisation.id)
    assert [(m["user_id"], m["status"]) for m in members] == [(stayer.id, "active")]


@covers("/directory/memberships/<int:membership_id>/<any(approve, decline):decision>")
def approving_activates_that_request_in_the_approvers_name(env):
    organisation, applicant = env.org("a"), env.make_user()
    (request_id,) = env.add(Membership(user_id=applicant.id, organisation_id=organisation.id))
    response = env.post("a", f"/directory/memberships/{request_id}/approve", {
        **injected(env, status="declined")})
    assert response.status_code == 302
    decided = env.row(Membership, request_id)
    assert (decided["user_id"], decided["organisation_id"], decided["status"],
            decided["decided_by_id"]) == (applicant.id, organisation.id, "active",
                                          env.user("a").id)
    assert env.row(User, applicant.id)["role"] == "practitioner"


@covers("/directory/<int:organisation_id>/link")
def a_proposal_comes_from_one_of_the_actors_organisations_and_waits(env):
    partner, mine, foreign = env.org("a"), env.org("b"), env.org("c")
    form = {"corridor": "MD-IT", "services": "language_training", "note": "Shall we?"}
    forged = {**injected(env, status="accepted", proposer_id=str(foreign.id),
                         partner_id=str(foreign.id), accepted_at=LONG_AGO), **form}
    refused = env.post("b", f"/directory/{partner.id}/link",
                       {**forged, "organisation": str(foreign.id)})
    assert refused.status_code == 422  # not one of B's organisations
    assert env.rows(Link) == []
    response = env.post("b", f"/directory/{partner.id}/link",
                        {**forged, "organisation": str(mine.id)})
    assert response.status_code == 302
    (link,) = env.rows(Link)
    assert (link["proposer_id"], link["partner_id"], link["status"], link["proposed_by_id"],
            link["accepted_at"]) == (mine.id, partner.id, "proposed", env.user("b").id, None)


@covers("/directory/links/<int:link_id>/<any(accept, decline, withdraw, end):action>")
def accepting_a_link_changes_its_state_only_in_the_actors_name(env):
    asked, proposer, foreign = env.org("a"), env.org("b"), env.org("c")
    (link_id,) = env.add(Link(proposer_id=proposer.id, partner_id=asked.id, origin="MD",
                              destination="IT", services=["language_training"]))
    before = env.row(Link, link_id)
    response = env.post("a", f"/directory/links/{link_id}/accept", {
        **injected(env, status="declined", organisation_id=str(foreign.id),
                   partner_id=str(foreign.id), actor_id=str(env.user("other").id))})
    assert response.status_code == 302
    assert env.changed(Link, link_id, before) <= {"status", "accepted_at", "updated_at"}
    assert env.row(Link, link_id)["status"] == "accepted"
    (event,) = env.rows(LinkEvent, LinkEvent.link_id == link_id)
    assert (event["action"], event["actor_id"], event["organisation_id"]) == (
        "accepted", env.user("a").id, asked.id)
