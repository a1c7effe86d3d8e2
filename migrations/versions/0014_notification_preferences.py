"""notifications: a per-kind e-mail choice and when the last digest went out

Issue 19, part 1: each member chooses, per kind of notification, an e-mail at once, in the
daily digest, or none (the portal always shows it); the digest remembers when it last
went out, so a missed run is caught up and nothing is sent twice.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 17:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'notification_preferences',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('email', sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_notification_preferences_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'kind', name=op.f('pk_notification_preferences')),
    )
    op.create_table(
        'notification_digests',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_notification_digests_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', name=op.f('pk_notification_digests')),
    )
    # Notices of proposed events followed the coordinators' forum e-mail choice until now:
    # keep what each chose (a weekly forum digest becomes the daily one, "off" stays off).
    op.execute(
        "INSERT INTO notification_preferences (user_id, kind, email) "
        "SELECT forum_preferences.user_id, 'event_proposed', "
        "CASE WHEN forum_preferences.email = 'off' THEN 'off' ELSE 'daily' END "
        "FROM forum_preferences JOIN users ON users.id = forum_preferences.user_id "
        "WHERE users.role IN ('coordinator', 'admin') "
        "AND forum_preferences.email IN ('daily', 'weekly', 'off')")


def downgrade():
    op.drop_table('notification_digests')
    op.drop_table('notification_preferences')
