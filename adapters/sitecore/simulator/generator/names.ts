/** Word lists for realistic, valid item names (letters, digits, spaces and dashes only). */

export const TOPICS = [
  'Cloud', 'Security', 'Analytics', 'Commerce', 'Mobile', 'Platform', 'Identity', 'Payments', 'Logistics', 'Energy', 'Retail', 'Health',
  'Finance', 'Travel', 'Media', 'Insurance', 'Manufacturing', 'Education', 'Automotive', 'Hospitality', 'Telecom', 'Public Sector',
  'Sustainability', 'Supply Chain', 'Customer Service', 'Marketing', 'Digital', 'Network', 'Storage', 'Integration', 'Automation', 'Research',
] as const;

export const SUBJECTS = [
  'Overview', 'Strategy', 'Guide', 'Roadmap', 'Solutions', 'Services', 'Case Study', 'Best Practices', 'Checklist', 'Framework', 'Toolkit',
  'Webinar', 'Whitepaper', 'Update', 'Announcement', 'Summit', 'Workshop', 'Benchmark', 'Insights', 'Trends', 'Playbook', 'Essentials',
  'Migration', 'Modernization', 'Assessment', 'Partnership', 'Launch', 'Review', 'FAQ', 'Pricing', 'Team', 'Program',
] as const;

export const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Lars', 'Maya', 'Nils', 'Olga', 'Paul'] as const;
export const LAST_NAMES = ['Berg', 'Costa', 'Dahl', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Klein', 'Larsen', 'Meyer', 'Novak', 'Olsen'] as const;
export const TAG_WORDS = ['AI', 'Cloud', 'Security', 'Privacy', 'Events', 'Product', 'Company', 'Partners', 'Careers', 'Research', 'Sustainability', 'Design'] as const;
export const CITIES = ['Berlin', 'Copenhagen', 'London', 'Madrid', 'Oslo', 'Paris', 'Stockholm', 'Vienna', 'Zurich', 'Amsterdam', 'Lisbon', 'Prague'] as const;
