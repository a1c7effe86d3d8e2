"""search: searches that found nothing, counted per day, kept 90 days

Issue 18, part 8: query, area, interface language, filters, result count and day; no user
id, address, IP or session.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 13:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'search_misses',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('query', sa.String(length=200), nullable=False),
        sa.Column('area', sa.String(length=20), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('filters', sa.String(length=500), nullable=False),
        sa.Column('results', sa.Integer(), nullable=False),
        sa.Column('times', sa.Integer(), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_search_misses')),
        sa.UniqueConstraint('day', 'digest', name=op.f('uq_search_misses_day_digest')),
    )
    with op.batch_alter_table('search_misses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_misses_day'), ['day'], unique=False)


def downgrade():
    with op.batch_alter_table('search_misses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_misses_day'))
    op.drop_table('search_misses')
