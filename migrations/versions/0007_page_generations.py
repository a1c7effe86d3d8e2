"""page generations (keys of rendered pages kept for visitors)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table('page_generations',
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_page_generations'))
    )
    op.bulk_insert(table, [{'name': 'content', 'value': 0}, {'name': 'search', 'value': 0}])


def downgrade():
    op.drop_table('page_generations')
