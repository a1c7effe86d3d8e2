"""forum: posts refused at approval stay marked refused

A new member's held post that a coordinator refuses is hidden and marked ``refused``; it
no longer counts as an approved post (outside review, December 2026, finding 3).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 05:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('forum_posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('refused', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    # Refusals made before this column are only certain for opening posts: a hidden
    # first post of a topic still waiting for approval was refused.
    op.execute(sa.text(
        "UPDATE forum_posts SET refused = :yes WHERE hidden = :yes AND topic_id IN "
        "(SELECT id FROM forum_topics WHERE held = :yes)").bindparams(yes=True))


def downgrade():
    with op.batch_alter_table('forum_posts', schema=None) as batch_op:
        batch_op.drop_column('refused')
