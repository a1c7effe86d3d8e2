"""forum categories: names and descriptions in other languages

Issue 19 (smaller things): a category's name and description were one text for every
reader; coordinators can now give them in each interface language, shown to readers of
that language (the main name and description stay, for every other language).

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-07 21:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('forum_categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('names', sa.JSON(), nullable=False,
                                      server_default=sa.text("'{}'")))
        batch_op.add_column(sa.Column('descriptions', sa.JSON(), nullable=False,
                                      server_default=sa.text("'{}'")))


def downgrade():
    with op.batch_alter_table('forum_categories', schema=None) as batch_op:
        batch_op.drop_column('descriptions')
        batch_op.drop_column('names')
